<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ArchiveDialog</name>
    <message>
      <source>Archive</source>
      <translation>归档销号</translation>
    </message>
    <message>
      <source>The review has passed. Archiving closes the hazard out in the ledger with today's date ({date}); it can no longer be changed.</source>
      <translation>复核已通过。归档后，该隐患将以今天的日期（{date}）在台账中销号，之后不能再修改。</translation>
    </message>
    <message>
      <source>Optional remark for the ledger</source>
      <translation>台账备注，可不填</translation>
    </message>
    <message>
      <source>Remark</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>AssessmentDialog</name>
    <message>
      <source>Assess risk: {name}</source>
      <translation>风险评估：{name}</translation>
    </message>
    <message>
      <source>Method:</source>
      <translation>评估方法：</translation>
    </message>
    <message>
      <source>Why this assessment (optional), e.g. after fitting a light curtain</source>
      <translation>评估原因（可不填），例如：加装光幕后重新评估</translation>
    </message>
    <message>
      <source>Assessed</source>
      <translation>评估时间</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>评估方法</translation>
    </message>
    <message>
      <source>Factors</source>
      <translation>各项取值</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>分值</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>Assessor / note</source>
      <translation>评估人/备注</translation>
    </message>
    <message>
      <source>Assessment history</source>
      <translation>评估记录</translation>
    </message>
  </context>
  <context>
    <name>BoardColumn</name>
    <message>
      <source>{step}  {n}</source>
      <translation>{step}  {n}</translation>
    </message>
    <message>
      <source>{n} more not shown (the newest {limit} are); use the list to see them all</source>
      <translation>另有 {n} 条未显示（只显示最新的 {limit} 条），请在列表中查看全部</translation>
    </message>
  </context>
  <context>
    <name>BoardColumnModel</name>
    <message>
      <source>Conflicting changes wait for a supervisor</source>
      <translation>有冲突的修改，等待安全员处理</translation>
    </message>
  </context>
  <context>
    <name>CameraDialog</name>
    <message>
      <source>Take a photo</source>
      <translation>拍照</translation>
    </message>
    <message>
      <source>Take photo</source>
      <translation>拍照</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>The picture could not be saved.</source>
      <translation>照片无法保存。</translation>
    </message>
    <message>
      <source>The camera is not working.</source>
      <translation>摄像头无法使用。</translation>
    </message>
  </context>
  <context>
    <name>ChartView</name>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Save this chart as a PNG picture or a PDF</source>
      <translation>将此图表保存为 PNG 图片或 PDF 文件</translation>
    </message>
    <message>
      <source>Export as PNG…</source>
      <translation>导出为 PNG…</translation>
    </message>
    <message>
      <source>Export as PDF…</source>
      <translation>导出为 PDF…</translation>
    </message>
  </context>
  <context>
    <name>ChecklistEditor</name>
    <message>
      <source>Add item…</source>
      <translation>添加项目…</translation>
    </message>
    <message>
      <source>Change…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>Move up</source>
      <translation>上移</translation>
    </message>
    <message>
      <source>Move down</source>
      <translation>下移</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Save checklist</source>
      <translation>保存点检表</translation>
    </message>
    <message>
      <source>Discard changes</source>
      <translation>放弃修改</translation>
    </message>
    <message>
      <source>Delete checklist</source>
      <translation>删除点检表</translation>
    </message>
    <message>
      <source>Checklist name</source>
      <translation>点检表名称</translation>
    </message>
    <message>
      <source>Items are checked in this order at the machine. A failed item drafts a hazard of its type.</source>
      <translation>点检时按此顺序逐项检查。某项不合格时，会按该项的隐患类型生成一条隐患草稿。</translation>
    </message>
    <message>
      <source>{type}  ({n} items)</source>
      <translation>{type}  （{n} 项）</translation>
    </message>
    <message>
      <source>{type}  — no checklist</source>
      <translation>{type}  — 无点检表</translation>
    </message>
    <message>
      <source>There are no equipment types yet: add them in the equipment registry first.</source>
      <translation>还没有设备类型，请先在设备台账中添加。</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>未保存的修改</translation>
    </message>
    <message>
      <source>The checklist of “{type}” has unsaved changes. Discard them?</source>
      <translation>“{type}”的点检表有未保存的修改，要放弃吗？</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>放弃</translation>
    </message>
    <message>
      <source>New checklist for “{type}”</source>
      <translation>为“{type}”新建点检表</translation>
    </message>
    <message>
      <source>{type} checklist</source>
      <translation>{type}点检表</translation>
    </message>
    <message>
      <source>Checklist for “{type}”</source>
      <translation>“{type}”的点检表</translation>
    </message>
    <message>
      <source>Checklist saved.</source>
      <translation>点检表已保存。</translation>
    </message>
    <message>
      <source>Delete the checklist “{name}”? Machines of this type can then not be inspected until a new checklist is made; past inspections are kept.</source>
      <translation>删除点检表“{name}”？删除后，此类设备在新建点检表之前无法点检；以往的点检记录仍会保留。</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Checklist deleted.</source>
      <translation>点检表已删除。</translation>
    </message>
  </context>
  <context>
    <name>ChecklistItemDialog</name>
    <message>
      <source>Change check item</source>
      <translation>修改点检项目</translation>
    </message>
    <message>
      <source>Add check item</source>
      <translation>添加点检项目</translation>
    </message>
    <message>
      <source>What to check, e.g. 急停按钮灵敏有效</source>
      <translation>检查什么，例如：急停按钮灵敏有效</translation>
    </message>
    <message>
      <source>How to check it, e.g. press the button: the machine must stop at once</source>
      <translation>怎么检查，例如：按下按钮，设备须立即停机</translation>
    </message>
    <message>
      <source>Guess from the wording</source>
      <translation>根据描述自动判断</translation>
    </message>
    <message>
      <source>The type of the hazard drafted when this item fails</source>
      <translation>该项不合格时生成的隐患类型</translation>
    </message>
    <message>
      <source>Check item *</source>
      <translation>点检项目 *</translation>
    </message>
    <message>
      <source>How to check</source>
      <translation>检查方法</translation>
    </message>
    <message>
      <source>Hazard type if failed</source>
      <translation>不合格时的隐患类型</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>确定</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Please say what to check.</source>
      <translation>请填写检查内容。</translation>
    </message>
  </context>
  <context>
    <name>ChemicalForm</name>
    <message>
      <source>Edit chemical</source>
      <translation>编辑危险化学品</translation>
    </message>
    <message>
      <source>Add chemical</source>
      <translation>新增危险化学品</translation>
    </message>
    <message>
      <source>Choose file…</source>
      <translation>选择文件…</translation>
    </message>
    <message>
      <source>On file</source>
      <translation>已上传</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>CAS number</source>
      <translation>CAS 号</translation>
    </message>
    <message>
      <source>Maximum quantity q (t)</source>
      <translation>最大存量 q（吨）</translation>
    </message>
    <message>
      <source>Threshold quantity Q (t)</source>
      <translation>临界量 Q（吨）</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>存放位置</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Safety data sheet</source>
      <translation>安全技术说明书（SDS）</translation>
    </message>
    <message>
      <source>Documents (*.pdf *.doc *.docx *.jpg *.png);;All files (*)</source>
      <translation>文档 (*.pdf *.doc *.docx *.jpg *.png);;所有文件 (*)</translation>
    </message>
  </context>
  <context>
    <name>ChemicalsDialog</name>
    <message>
      <source>Dangerous chemical inventory (GB 18218-2018)</source>
      <translation>危险化学品清单（GB 18218-2018）</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>CAS number</source>
      <translation>CAS 号</translation>
    </message>
    <message>
      <source>Area / location</source>
      <translation>区域/存放位置</translation>
    </message>
    <message>
      <source>q (t)</source>
      <translation>q（吨）</translation>
    </message>
    <message>
      <source>Q (t)</source>
      <translation>Q（吨）</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>新增…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Delete chemical</source>
      <translation>删除危险化学品</translation>
    </message>
    <message>
      <source>Delete “{name}” from the inventory?</source>
      <translation>从清单中删除“{name}”？</translation>
    </message>
  </context>
  <context>
    <name>CodePickerDialog</name>
    <message>
      <source>Several codes in the photo</source>
      <translation>照片中有多个码</translation>
    </message>
    <message>
      <source>The photo shows {n} codes (numbered in the picture). Which one do you mean?</source>
      <translation>照片中有 {n} 个码（已在图中编号），您要打开哪一个？</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>ConflictsPage</name>
    <message>
      <source>Kind</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Concerns</source>
      <translation>涉及对象</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>情况说明</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>发现时间</translation>
    </message>
    <message>
      <source>Equipment code</source>
      <translation>设备编号</translation>
    </message>
    <message>
      <source>Hazard number</source>
      <translation>隐患编号</translation>
    </message>
    <message>
      <source>Employee no.</source>
      <translation>工号</translation>
    </message>
    <message>
      <source>Workflow</source>
      <translation>流程冲突</translation>
    </message>
    <message>
      <source>Duplicate code</source>
      <translation>编号重复</translation>
    </message>
    <message>
      <source>{actor}: “{kind}” arrived when the hazard was at “{step}”</source>
      <translation>{actor}：“{kind}”同步过来时，该隐患已处于“{step}”环节</translation>
    </message>
    <message>
      <source>{n} records hold this code</source>
      <translation>有 {n} 条记录使用此编号</translation>
    </message>
    <message>
      <source>Sync conflicts</source>
      <translation>同步冲突</translation>
    </message>
    <message>
      <source>When two PCs change the same thing while offline, sync keeps both and lists the clash here. Settle a workflow conflict with a note: the earlier step stays, and the note is kept in the hazard's history on every PC.</source>
      <translation>两台电脑在离线时修改了同一内容，同步时会把两边的修改都保留下来，并在这里列出冲突。处理流程冲突时请填写说明：以先完成的环节为准，说明会记入该隐患的处理记录，并同步到每台电脑。</translation>
    </message>
    <message>
      <source>No conflicts: every PC agrees.</source>
      <translation>没有冲突，各台电脑的数据一致。</translation>
    </message>
    <message>
      <source>How it was settled (kept in the history)</source>
      <translation>处理说明（会记入处理记录）</translation>
    </message>
    <message>
      <source>Settle</source>
      <translation>处理</translation>
    </message>
    <message>
      <source>This PC is not enrolled for sync yet.</source>
      <translation>本机尚未注册同步。</translation>
    </message>
    <message>
      <source>Accept both</source>
      <translation>两者都保留</translation>
    </message>
    <message>
      <source>Write how it was settled first.</source>
      <translation>请先填写处理说明。</translation>
    </message>
    <message>
      <source>Settled.</source>
      <translation>已处理。</translation>
    </message>
  </context>
  <context>
    <name>DashboardPage</name>
    <message>
      <source>Mon</source>
      <translation>周一</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>周二</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>周三</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>周四</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>周五</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>周六</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>周日</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>本月</translation>
    </message>
    <message>
      <source>Last 3 months</source>
      <translation>近 3 个月</translation>
    </message>
    <message>
      <source>Last 12 months</source>
      <translation>近 12 个月</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>今年</translation>
    </message>
    <message>
      <source>All time</source>
      <translation>全部时间</translation>
    </message>
    <message>
      <source>From … to …</source>
      <translation>自定义时间段…</translation>
    </message>
    <message>
      <source>All areas</source>
      <translation>全部区域</translation>
    </message>
    <message>
      <source>All grades</source>
      <translation>全部等级</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>时间段</translation>
    </message>
    <message>
      <source>Click a bar or a heat-map cell to list those hazards. Hover over a figure for how it is counted. Snapshot reports not yet verified, not accepted or merged into another hazard are not counted.</source>
      <translation>点击柱形或热力图中的格子，可列出对应的隐患。鼠标停在数字上，可查看其统计方法。随手拍上报中尚未核实、未受理或已合并到其他隐患的不计入。</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>概览</translation>
    </message>
    <message>
      <source>Open hazards</source>
      <translation>未销号隐患</translation>
    </message>
    <message>
      <source>Hazards whose workflow is not finished (to dispatch, rectifying, to review, to archive), right now, split into major and general. The area and grade filters apply; the period does not.</source>
      <translation>当前流程尚未结束的隐患（待派发、整改中、待复核、待归档），分重大和一般。区域和等级筛选有效，时间段不影响此数。</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <source>Open hazards whose current step is past its deadline, right now.</source>
      <translation>当前所处步骤已超过期限的未销号隐患。</translation>
    </message>
    <message>
      <source>Found this month</source>
      <translation>本月发现</translation>
    </message>
    <message>
      <source>Hazards found since the 1st of this month.</source>
      <translation>本月 1 日以来发现的隐患。</translation>
    </message>
    <message>
      <source>Closed this month</source>
      <translation>本月销号</translation>
    </message>
    <message>
      <source>Hazards archived since the 1st of this month, whenever they were found.</source>
      <translation>本月 1 日以来归档销号的隐患，不论何时发现。</translation>
    </message>
    <message>
      <source>Avg. rectification</source>
      <translation>平均整改周期</translation>
    </message>
    <message>
      <source>Average time from found to archived, in hours, over the hazards found in the period that are archived.</source>
      <translation>在所选时间段内发现并已归档的隐患，从发现到归档的平均小时数。</translation>
    </message>
    <message>
      <source>On-time rate</source>
      <translation>按期整改率</translation>
    </message>
    <message>
      <source>Rectifications finished before their deadline ÷ all rectifications, over the hazards found in the period.</source>
      <translation>按期完成的整改 ÷ 全部整改，统计所选时间段内发现的隐患。</translation>
    </message>
    <message>
      <source>Active warnings</source>
      <translation>未关闭的预警</translation>
    </message>
    <message>
      <source>Warnings raised by the early-warning rules and not yet closed. “—”: the warning rules are not available.</source>
      <translation>预警规则发出且尚未关闭的预警。“—”表示预警规则不可用。</translation>
    </message>
    <message>
      <source>(no area)</source>
      <translation>（未指定区域）</translation>
    </message>
    <message>
      <source>Updating…</source>
      <translation>正在更新…</translation>
    </message>
    <message>
      <source>major {m} · general {g}</source>
      <translation>重大 {m} · 一般 {g}</translation>
    </message>
    <message>
      <source>{h:.1f} h</source>
      <translation>{h:.1f} 小时</translation>
    </message>
    <message>
      <source>Updated {time}</source>
      <translation>更新于 {time}</translation>
    </message>
    <message>
      <source>No hazards in this period</source>
      <translation>该时间段内没有隐患</translation>
    </message>
    <message>
      <source>Hazards by type</source>
      <translation>按类型统计隐患</translation>
    </message>
    <message>
      <source>Hazards by area</source>
      <translation>按区域统计隐患</translation>
    </message>
    <message>
      <source>found in {month}</source>
      <translation>{month}发现</translation>
    </message>
    <message>
      <source>closed in {month}</source>
      <translation>{month}销号</translation>
    </message>
    <message>
      <source>Monthly trend: found and closed</source>
      <translation>每月趋势：发现与销号</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>发现</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>销号</translation>
    </message>
    <message>
      <source>When hazards are found: weekday × hour</source>
      <translation>隐患发现时段：星期 × 小时</translation>
    </message>
    <message>
      <source>hour of day</source>
      <translation>时段（小时）</translation>
    </message>
    <message>
      <source>Most repeated problems (same type, same area)</source>
      <translation>重复最多的问题（同类型、同区域）</translation>
    </message>
    <message>
      <source>No problem was reported twice in this period</source>
      <translation>该时间段内没有重复出现的问题</translation>
    </message>
    <message>
      <source>Export chart</source>
      <translation>导出图表</translation>
    </message>
    <message>
      <source>PNG picture (*.png)</source>
      <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Chart saved: {path}</source>
      <translation>图表已保存：{path}</translation>
    </message>
    <message>
      <source>The chart could not be saved: {reason}</source>
      <translation>图表无法保存：{reason}</translation>
    </message>
  </context>
  <context>
    <name>DispatchDialog</name>
    <message>
      <source>Dispatch</source>
      <translation>派发</translation>
    </message>
    <message>
      <source>Choose, or type a user name</source>
      <translation>从列表中选择，或输入用户名</translation>
    </message>
    <message>
      <source>What must be done, e.g. fit a guard over the foot switch</source>
      <translation>需要采取的措施，例如：给脚踏开关加装防护罩</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>The default is {h} hours from now for this grade</source>
      <translation>按该隐患等级，默认为从现在起 {h} 小时</translation>
    </message>
    <message>
      <source>Optional: choose, or type a user name</source>
      <translation>可不填：从列表中选择，或输入用户名</translation>
    </message>
    <message>
      <source>Type the user name of the rectifier and re-checker (as they log in).</source>
      <translation>请输入整改责任人和复查人的用户名（即他们登录时用的用户名）。</translation>
    </message>
    <message>
      <source>A major hazard is dispatched with the six fixes (六定): the item, measures, funds, owner, deadline and re-checker, all required.</source>
      <translation>重大隐患派发须落实“六定”：定项目、定措施、定资金、定责任人、定期限、定复查人，各项均为必填。</translation>
    </message>
    <message>
      <source>Department *</source>
      <translation>责任部门 *</translation>
    </message>
    <message>
      <source>Rectifier *</source>
      <translation>整改责任人 *</translation>
    </message>
    <message>
      <source>Measures *</source>
      <translation>整改措施 *</translation>
    </message>
    <message>
      <source>Funds</source>
      <translation>整改资金</translation>
    </message>
    <message>
      <source>Deadline *</source>
      <translation>整改期限 *</translation>
    </message>
    <message>
      <source>Re-checker</source>
      <translation>复查人</translation>
    </message>
    <message>
      <source>Major hazard: plan, stoppage and report</source>
      <translation>重大隐患：整改方案、停产与报告</translation>
    </message>
    <message>
      <source>The remediation plan: goal, steps, safety measures while fixing, people and materials</source>
      <translation>整改方案：治理目标、方法步骤、整改期间的安全防范措施、人员和物资</translation>
    </message>
    <message>
      <source>Stop production while it is fixed</source>
      <translation>整改期间停产</translation>
    </message>
    <message>
      <source>Partial stop (the affected area or machine)</source>
      <translation>局部停产（受影响的区域或设备）</translation>
    </message>
    <message>
      <source>Full stop</source>
      <translation>全部停产</translation>
    </message>
    <message>
      <source>Report to the regulator (emergency management bureau)</source>
      <translation>向监管部门（应急管理局）报告</translation>
    </message>
    <message>
      <source>Remediation plan *</source>
      <translation>整改方案 *</translation>
    </message>
    <message>
      <source>Stoppage</source>
      <translation>停产</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>请选择…</translation>
    </message>
    <message>
      <source>There is no active user with the user name “{name}”.</source>
      <translation>找不到用户名为“{name}”的启用账号。</translation>
    </message>
    <message>
      <source>{name} cannot be the rectifier: their account has no rectifier role.</source>
      <translation>{name} 不能担任整改责任人：其账号没有“整改人”角色。</translation>
    </message>
    <message>
      <source>{name} cannot be the re-checker: their account has no reviewer role.</source>
      <translation>{name} 不能担任复查人：其账号没有“复核人”角色。</translation>
    </message>
  </context>
  <context>
    <name>EnrolDialog</name>
    <message>
      <source>Enrol this PC with the sync server</source>
      <translation>在同步服务器上注册本机</translation>
    </message>
    <message>
      <source>Enter the server address and the one-time enrolment code you got from IT. This PC keeps working offline; it syncs whenever the server can be reached.</source>
      <translation>请输入服务器地址，以及负责电脑的同事给您的一次性注册码。本机仍可离线使用，只要能连上服务器就会自动同步。</translation>
    </message>
    <message>
      <source>How IT sees this PC in the server's device list; optional.</source>
      <translation>在服务器的设备列表中显示的本机名称，供负责电脑的同事识别；可不填。</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>服务器地址</translation>
    </message>
    <message>
      <source>Enrolment code</source>
      <translation>注册码</translation>
    </message>
    <message>
      <source>This PC's name</source>
      <translation>本机名称</translation>
    </message>
    <message>
      <source>Enrol</source>
      <translation>注册</translation>
    </message>
    <message>
      <source>Enter both the server address and the code.</source>
      <translation>请同时填写服务器地址和注册码。</translation>
    </message>
    <message>
      <source>Contacting the server…</source>
      <translation>正在连接服务器…</translation>
    </message>
  </context>
  <context>
    <name>EquipmentActions</name>
    <message>
      <source>equipment-{date}.xlsx</source>
      <translation>设备台账-{date}.xlsx</translation>
    </message>
    <message>
      <source>Export the equipment list</source>
      <translation>导出设备台账</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>{plant} equipment register (exported {date})</source>
      <translation>{plant}设备台账（{date} 导出）</translation>
    </message>
    <message>
      <source>Exported {done} of {total} machines…</source>
      <translation>已导出 {done} / {total} 台设备…</translation>
    </message>
    <message>
      <source>Exported {n} machines to {path}</source>
      <translation>已导出 {n} 台设备：{path}</translation>
    </message>
    <message>
      <source>Nothing was exported.</source>
      <translation>没有导出任何数据。</translation>
    </message>
    <message>
      <source>Export cancelled; no file was saved.</source>
      <translation>已取消导出，没有保存任何文件。</translation>
    </message>
    <message>
      <source>Exporting the equipment list…</source>
      <translation>正在导出设备台账…</translation>
    </message>
    <message>
      <source>equipment-import-template.xlsx</source>
      <translation>设备导入模板.xlsx</translation>
    </message>
    <message>
      <source>Save the import template</source>
      <translation>保存导入模板</translation>
    </message>
    <message>
      <source>Template saved to {path}</source>
      <translation>模板已保存到 {path}</translation>
    </message>
  </context>
  <context>
    <name>EquipmentCardDialog</name>
    <message>
      <source>Equipment card</source>
      <translation>设备卡片</translation>
    </message>
    <message>
      <source>Start inspection</source>
      <translation>开始点检</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Print label</source>
      <translation>打印标签</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Special equipment</source>
      <translation>特种设备</translation>
    </message>
    <message>
      <source>Safe operating procedure</source>
      <translation>安全操作规程</translation>
    </message>
    <message>
      <source>Attach procedure document…</source>
      <translation>添加规程文件…</translation>
    </message>
    <message>
      <source>Maintenance</source>
      <translation>保养</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Performed by</source>
      <translation>执行人</translation>
    </message>
    <message>
      <source>Next due</source>
      <translation>下次到期</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Add maintenance record</source>
      <translation>添加保养记录</translation>
    </message>
    <message>
      <source>Fault history</source>
      <translation>故障记录</translation>
    </message>
    <message>
      <source>Symptom</source>
      <translation>故障现象</translation>
    </message>
    <message>
      <source>Cause</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Downtime (h)</source>
      <translation>停机（小时）</translation>
    </message>
    <message>
      <source>Fix</source>
      <translation>处理措施</translation>
    </message>
    <message>
      <source>Add fault record</source>
      <translation>添加故障记录</translation>
    </message>
    <message>
      <source>Photos and documents</source>
      <translation>照片与文档</translation>
    </message>
    <message>
      <source>No photos or documents yet.</source>
      <translation>还没有照片或文档。</translation>
    </message>
    <message>
      <source>Add photos or documents…</source>
      <translation>添加照片/文档…</translation>
    </message>
    <message>
      <source>Open hazards</source>
      <translation>未整改隐患</translation>
    </message>
    <message>
      <source>No open hazards on this machine.</source>
      <translation>本设备没有未整改的隐患。</translation>
    </message>
    <message>
      <source>Record a hazard…</source>
      <translation>登记隐患…</translation>
    </message>
    <message>
      <source>Label scanned. Read the procedure, then start the inspection of this machine.</source>
      <translation>标签已扫描。请先阅读操作规程，然后开始点检这台设备。</translation>
    </message>
    <message>
      <source>Inspection checklist</source>
      <translation>点检表</translation>
    </message>
    <message>
      <source>This machine has no type, so it has no checklist. Set its type first.</source>
      <translation>这台设备没有设置类型，因此没有点检表。请先设置其类型。</translation>
    </message>
    <message>
      <source>There is no checklist for “{type}” machines yet. A safety clerk makes one under Inspections → Checklists.</source>
      <translation>“{type}”类设备还没有点检表。请安全员在“点检 → 点检表”中创建。</translation>
    </message>
    <message>
      <source>Never inspected.</source>
      <translation>从未点检。</translation>
    </message>
    <message>
      <source>{n} items failed</source>
      <translation>{n} 项不合格</translation>
    </message>
    <message>
      <source>all in order</source>
      <translation>全部合格</translation>
    </message>
    <message>
      <source>incomplete</source>
      <translation>未完成</translation>
    </message>
    <message>
      <source>Last inspection: {date}, {name} — {result}</source>
      <translation>上次点检：{date}，{name} — {result}</translation>
    </message>
    <message>
      <source>Equipment card — {code} {name}</source>
      <translation>设备卡片 — {code} {name}</translation>
    </message>
    <message>
      <source>Risk not assessed</source>
      <translation>风险未评估</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>产线</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>型号</translation>
    </message>
    <message>
      <source>Manufacturer</source>
      <translation>厂家</translation>
    </message>
    <message>
      <source>Inspection due</source>
      <translation>检验到期</translation>
    </message>
    <message>
      <source>No safe operating procedure recorded yet.</source>
      <translation>尚未录入安全操作规程。</translation>
    </message>
    <message>
      <source>Open {name}</source>
      <translation>打开 {name}</translation>
    </message>
    <message>
      <source>Last maintenance: {date}</source>
      <translation>上次保养：{date}</translation>
    </message>
    <message>
      <source>Next due: {date}</source>
      <translation>下次保养：{date}</translation>
    </message>
    <message>
      <source>(overdue by {n} days)</source>
      <translation>（已逾期 {n} 天）</translation>
    </message>
    <message>
      <source>The next maintenance date has passed</source>
      <translation>已过下次保养日期</translation>
    </message>
    <message>
      <source>Double-click to open {name}</source>
      <translation>双击打开 {name}</translation>
    </message>
    <message>
      <source>Attach procedure documents</source>
      <translation>添加规程文件</translation>
    </message>
    <message>
      <source>Documents (*.pdf *.doc *.docx *.xls *.xlsx *.txt *.png *.jpg *.jpeg);;All files (*)</source>
      <translation>文档 (*.pdf *.doc *.docx *.xls *.xlsx *.txt *.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Add photos or documents</source>
      <translation>添加照片或文档</translation>
    </message>
    <message>
      <source>Photos and documents (*.png *.jpg *.jpeg *.bmp *.pdf *.doc *.docx *.xls *.xlsx *.txt);;All files (*)</source>
      <translation>照片和文档 (*.png *.jpg *.jpeg *.bmp *.pdf *.doc *.docx *.xls *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Added {n} files.</source>
      <translation>已添加 {n} 个文件。</translation>
    </message>
    <message>
      <source>Copying the files…</source>
      <translation>正在复制文件…</translation>
    </message>
    <message>
      <source>No program on this PC opens {name}; it was saved to {path}</source>
      <translation>这台电脑上没有能打开 {name} 的程序；文件已保存到 {path}</translation>
    </message>
  </context>
  <context>
    <name>EquipmentDialog</name>
    <message>
      <source>Edit equipment</source>
      <translation>编辑设备</translation>
    </message>
    <message>
      <source>Add equipment</source>
      <translation>新增设备</translation>
    </message>
    <message>
      <source>Left empty: numbered automatically</source>
      <translation>不填则自动编号</translation>
    </message>
    <message>
      <source>Auto code</source>
      <translation>自动编号</translation>
    </message>
    <message>
      <source>Next free code for the chosen type, area and line</source>
      <translation>按所选类型、区域和产线生成下一个可用编号</translation>
    </message>
    <message>
      <source>Manage types…</source>
      <translation>管理类型…</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>不详</translation>
    </message>
    <message>
      <source>Not assessed</source>
      <translation>未评估</translation>
    </message>
    <message>
      <source>Set by hand for now; risk assessments will set it later</source>
      <translation>暂时手工填写；以后由风险评估自动确定</translation>
    </message>
    <message>
      <source>Special equipment (statutory inspection)</source>
      <translation>特种设备（需法定检验）</translation>
    </message>
    <message>
      <source>Not yet known</source>
      <translation>暂不清楚</translation>
    </message>
    <message>
      <source>The safe operating procedure, one step per line, e.g.
1. Check the guard and the emergency stop before starting.
2. Never reach into the die area; use the hand tool.</source>
      <translation>安全操作规程，每行一步，例如：
1. 开机前检查防护罩和急停按钮是否完好。
2. 严禁将手伸入模具区域，须使用专用工具。</translation>
    </message>
    <message>
      <source>Machine</source>
      <translation>设备信息</translation>
    </message>
    <message>
      <source>Code *</source>
      <translation>编号 *</translation>
    </message>
    <message>
      <source>Name *</source>
      <translation>名称 *</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>型号</translation>
    </message>
    <message>
      <source>Manufacturer</source>
      <translation>厂家</translation>
    </message>
    <message>
      <source>Serial no.</source>
      <translation>出厂编号</translation>
    </message>
    <message>
      <source>Install date</source>
      <translation>安装日期</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Place and safety</source>
      <translation>位置与安全</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>产线</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Risk grade</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>Inspection due</source>
      <translation>检验到期日</translation>
    </message>
    <message>
      <source>Safe operating procedure</source>
      <translation>安全操作规程</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Choose the owner from the list that drops down while you type, or clear the box.</source>
      <translation>请从输入时弹出的列表中选择责任人，或清空该框。</translation>
    </message>
  </context>
  <context>
    <name>EquipmentPage</name>
    <message>
      <source>Search code, name, model, maker or serial no.</source>
      <translation>搜索编号、名称、型号、厂家或出厂编号</translation>
    </message>
    <message>
      <source>All areas</source>
      <translation>全部区域</translation>
    </message>
    <message>
      <source>All types</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>All risk grades</source>
      <translation>全部风险等级</translation>
    </message>
    <message>
      <source>Not assessed</source>
      <translation>未评估</translation>
    </message>
    <message>
      <source>Maintenance overdue</source>
      <translation>保养逾期</translation>
    </message>
    <message>
      <source>Only machines whose next maintenance date has passed</source>
      <translation>只显示已过下次保养日期的设备</translation>
    </message>
    <message>
      <source>Special equipment: inspection due within {n} days</source>
      <translation>特种设备{n}天内到检</translation>
    </message>
    <message>
      <source>Only special equipment (cranes, forklifts, pressure vessels …) whose statutory inspection is due within {n} days or already overdue</source>
      <translation>只显示 {n} 天内到期或已超期未检的特种设备（起重机、叉车、压力容器等）</translation>
    </message>
    <message>
      <source>Equipment</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Equipment card</source>
      <translation>设备卡片</translation>
    </message>
    <message>
      <source>Procedure, maintenance, faults and photos of the selected machine (or double-click a row)</source>
      <translation>查看所选设备的操作规程、保养、故障和照片（也可双击该行）</translation>
    </message>
    <message>
      <source>Import Excel</source>
      <translation>导入 Excel</translation>
    </message>
    <message>
      <source>Download template</source>
      <translation>下载模板</translation>
    </message>
    <message>
      <source>Export Excel</source>
      <translation>导出 Excel</translation>
    </message>
    <message>
      <source>Print labels</source>
      <translation>打印标签</translation>
    </message>
    <message>
      <source>QR labels for the selected machines, or for every machine in the list when none is selected</source>
      <translation>为所选设备打印二维码标签；未选择时为列表中的全部设备打印</translation>
    </message>
    <message>
      <source>{n} machines</source>
      <translation>共 {n} 台</translation>
    </message>
    <message>
      <source>Delete {name} ({code}) from the registry?</source>
      <translation>从设备台账中删除 {name}（{code}）？</translation>
    </message>
    <message>
      <source>Delete the {n} selected machines from the registry?</source>
      <translation>从设备台账中删除选中的 {n} 台设备？</translation>
    </message>
    <message>
      <source>Their maintenance and fault history is kept, and their codes are never given to another machine.</source>
      <translation>其保养和故障记录仍会保留，编号也不会再分配给其他设备。</translation>
    </message>
    <message>
      <source>Delete equipment</source>
      <translation>删除设备</translation>
    </message>
    <message>
      <source>Deleted {n} machines.</source>
      <translation>已删除 {n} 台设备。</translation>
    </message>
  </context>
  <context>
    <name>EquipmentTableModel</name>
    <message>
      <source>Click to sort by this column</source>
      <translation>点击按此列排序</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>产线</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Risk grade</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>Last serviced</source>
      <translation>上次保养</translation>
    </message>
    <message>
      <source>Service due</source>
      <translation>下次保养</translation>
    </message>
    <message>
      <source>Inspection due</source>
      <translation>检验到期</translation>
    </message>
    <message>
      <source>Not assessed</source>
      <translation>未评估</translation>
    </message>
    <message>
      <source>Maintenance overdue by {n} days (due {date})</source>
      <translation>保养已逾期 {n} 天（应于 {date} 保养）</translation>
    </message>
    <message>
      <source>Statutory inspection overdue by {n} days (due {date})</source>
      <translation>法定检验已超期 {n} 天（应于 {date} 检验）</translation>
    </message>
    <message>
      <source>Statutory inspection due in {n} days ({date})</source>
      <translation>法定检验还有 {n} 天到期（{date}）</translation>
    </message>
  </context>
  <context>
    <name>EquipmentTypesDialog</name>
    <message>
      <source>Equipment types</source>
      <translation>设备类型</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Special equipment</source>
      <translation>特种设备</translation>
    </message>
    <message>
      <source>e.g. YJ</source>
      <translation>例如 YJ</translation>
    </message>
    <message>
      <source>Letters used at the start of generated equipment codes</source>
      <translation>自动生成设备编号时放在开头的字母</translation>
    </message>
    <message>
      <source>e.g. Press</source>
      <translation>例如 压力机</translation>
    </message>
    <message>
      <source>Cranes, forklifts, boilers, pressure vessels, lifts …: equipment with a statutory inspection</source>
      <translation>起重机、叉车、锅炉、压力容器、电梯等需要法定检验的设备</translation>
    </message>
    <message>
      <source>Add type</source>
      <translation>添加类型</translation>
    </message>
    <message>
      <source>New type</source>
      <translation>新类型</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
  </context>
  <context>
    <name>ErrorsModel</name>
    <message>
      <source>Row</source>
      <translation>行</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>列</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>值</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
  </context>
  <context>
    <name>ExportMapDialog</name>
    <message>
      <source>Export the four-colour map</source>
      <translation>导出安全风险四色分布图</translation>
    </message>
    <message>
      <source>PNG image</source>
      <translation>PNG 图片</translation>
    </message>
    <message>
      <source>A3 landscape</source>
      <translation>A3 横向</translation>
    </message>
    <message>
      <source>A4 landscape</source>
      <translation>A4 横向</translation>
    </message>
    <message>
      <source>This plan</source>
      <translation>当前平面图</translation>
    </message>
    <message>
      <source>All plans (one page each)</source>
      <translation>全部平面图（每张一页）</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>纸张</translation>
    </message>
    <message>
      <source>Plans</source>
      <translation>平面图</translation>
    </message>
    <message>
      <source>Save as</source>
      <translation>保存位置</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Save the map as</source>
      <translation>四色图保存为</translation>
    </message>
  </context>
  <context>
    <name>FaultDialog</name>
    <message>
      <source>Add fault record</source>
      <translation>添加故障记录</translation>
    </message>
    <message>
      <source>What went wrong, e.g. the slide does not stop</source>
      <translation>出现了什么问题，例如：滑块下行不停</translation>
    </message>
    <message>
      <source> h</source>
      <translation> 小时</translation>
    </message>
    <message>
      <source>Date *</source>
      <translation>日期 *</translation>
    </message>
    <message>
      <source>Symptom *</source>
      <translation>故障现象 *</translation>
    </message>
    <message>
      <source>Cause</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Downtime</source>
      <translation>停机时间</translation>
    </message>
    <message>
      <source>Fix</source>
      <translation>处理措施</translation>
    </message>
  </context>
  <context>
    <name>Feedback</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>FirstRunDialog</name>
    <message>
      <source>Welcome to SafeDesk</source>
      <translation>欢迎使用安全台</translation>
    </message>
    <message>
      <source>Create a new plant</source>
      <translation>新建工厂</translation>
    </message>
    <message>
      <source>Start with an empty plant: give it a name, its first site and the administrator account.</source>
      <translation>从空白工厂开始：填写厂名、第一个厂区和管理员账号。</translation>
    </message>
    <message>
      <source>Open the demo plant</source>
      <translation>打开演示工厂</translation>
    </message>
    <message>
      <source>Try SafeDesk on a made-up plant with sample people, areas and users. Keep your real plant in a separate data folder.</source>
      <translation>用一个虚构的工厂（含示例人员、区域和账号）试用安全台。正式工厂请使用另一个数据文件夹。</translation>
    </message>
    <message>
      <source>Join an existing plant (download from the sync server)</source>
      <translation>加入已有工厂（从同步服务器下载）</translation>
    </message>
    <message>
      <source>For a second PC of a plant that already syncs: enter the server address and an enrolment code from IT; everything, users included, is downloaded.</source>
      <translation>用于已在同步的工厂的另一台电脑：填写服务器地址和负责电脑的同事给您的注册码，全部数据（包括用户）都会下载到本机。</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>for example A1</source>
      <translation>例如 A1</translation>
    </message>
    <message>
      <source>for example Main site</source>
      <translation>例如 一厂区</translation>
    </message>
    <message>
      <source>the name shown in the window, optional</source>
      <translation>在窗口中显示的姓名，可不填</translation>
    </message>
    <message>
      <source>at least {n} characters</source>
      <translation>至少 {n} 个字符</translation>
    </message>
    <message>
      <source>Plant name</source>
      <translation>厂名</translation>
    </message>
    <message>
      <source>Site code</source>
      <translation>厂区编号</translation>
    </message>
    <message>
      <source>Site name</source>
      <translation>厂区名称</translation>
    </message>
    <message>
      <source>Administrator user name</source>
      <translation>管理员用户名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Repeat password</source>
      <translation>再次输入密码</translation>
    </message>
    <message>
      <source>Display name</source>
      <translation>显示姓名</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>上一步</translation>
    </message>
    <message>
      <source>Create plant</source>
      <translation>创建工厂</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Other demo accounts, such as “clerk” (a safety clerk), use the same password.</source>
      <translation>其他演示账号（例如安全员“clerk”）使用相同的密码。</translation>
    </message>
    <message>
      <source>Continue to log in</source>
      <translation>继续登录</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>服务器地址</translation>
    </message>
    <message>
      <source>Enrolment code</source>
      <translation>注册码</translation>
    </message>
    <message>
      <source>This PC's name</source>
      <translation>本机名称</translation>
    </message>
    <message>
      <source>Join and download</source>
      <translation>加入并下载</translation>
    </message>
    <message>
      <source>This data folder is empty. How would you like to start?</source>
      <translation>这个数据文件夹是空的。您想怎样开始？</translation>
    </message>
    <message>
      <source>You can add more sites, buildings and departments later. Keep the administrator password somewhere safe.</source>
      <translation>以后可以继续添加厂区、楼栋和部门。请妥善保管管理员密码。</translation>
    </message>
    <message>
      <source>The demo plant is ready</source>
      <translation>演示工厂已准备好</translation>
    </message>
    <message>
      <source>Log in with this account:</source>
      <translation>请用以下账号登录：</translation>
    </message>
    <message>
      <source>Join an existing plant</source>
      <translation>加入已有工厂</translation>
    </message>
    <message>
      <source>This PC enrols with the sync server and downloads the plant, its users included. Then log in with your usual account.</source>
      <translation>本机将在同步服务器上注册并下载工厂数据（包括用户），之后用您平常的账号登录即可。</translation>
    </message>
    <message>
      <source>The two passwords are different. Please type the password again.</source>
      <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
      <source>Creating…</source>
      <translation>正在创建…</translation>
    </message>
    <message>
      <source>Enter both the server address and the code.</source>
      <translation>请同时填写服务器地址和注册码。</translation>
    </message>
    <message>
      <source>Enrolling this PC…</source>
      <translation>正在注册本机…</translation>
    </message>
    <message>
      <source>Downloading the plant…</source>
      <translation>正在下载工厂数据…</translation>
    </message>
    <message>
      <source>Joining the plant…</source>
      <translation>正在加入工厂…</translation>
    </message>
    <message>
      <source>This PC is enrolled, but the download failed: {error} Press “Join and download” to try again.</source>
      <translation>本机已注册，但下载失败：{error} 请点击“加入并下载”重试。</translation>
    </message>
    <message>
      <source>The server holds no plant for this site yet. Create the plant on the site's first PC and sync it there first, or choose “Create a new plant” here if this is the first PC.</source>
      <translation>服务器上还没有该厂区的工厂数据。请先在该厂区的第一台电脑上新建工厂并同步；如果这就是第一台电脑，请在这里选择“新建工厂”。</translation>
    </message>
    <message>
      <source>The plant was downloaded from the sync server: log in with your usual account.</source>
      <translation>工厂数据已从同步服务器下载，请用您平常的账号登录。</translation>
    </message>
    <message>
      <source>Creating sites, buildings and departments…</source>
      <translation>正在创建厂区、楼栋和部门…</translation>
    </message>
    <message>
      <source>Adding people…</source>
      <translation>正在添加人员…</translation>
    </message>
    <message>
      <source>Creating the demo accounts…</source>
      <translation>正在创建演示账号…</translation>
    </message>
    <message>
      <source>Finishing…</source>
      <translation>即将完成…</translation>
    </message>
    <message>
      <source>Loading the demo plant…</source>
      <translation>正在加载演示工厂…</translation>
    </message>
    <message>
      <source>Demo plant: user name {user}, password {password}</source>
      <translation>演示工厂：用户名 {user}，密码 {password}</translation>
    </message>
    <message>
      <source>This data folder already holds data, so the demo plant cannot be loaded into it.</source>
      <translation>这个数据文件夹中已有数据，不能在这里加载演示工厂。</translation>
    </message>
  </context>
  <context>
    <name>HazardActions</name>
    <message>
      <source>Accept report…</source>
      <translation>采纳…</translation>
    </message>
    <message>
      <source>Do not accept…</source>
      <translation>不采纳…</translation>
    </message>
    <message>
      <source>Merge as duplicate…</source>
      <translation>作为重复上报合并…</translation>
    </message>
    <message>
      <source>Dispatch…</source>
      <translation>派发…</translation>
    </message>
    <message>
      <source>Record rectification…</source>
      <translation>登记整改…</translation>
    </message>
    <message>
      <source>Pass review…</source>
      <translation>复核…</translation>
    </message>
    <message>
      <source>Send back…</source>
      <translation>退回整改…</translation>
    </message>
    <message>
      <source>Archive…</source>
      <translation>归档销号…</translation>
    </message>
    <message>
      <source>Settle conflict…</source>
      <translation>处理冲突…</translation>
    </message>
  </context>
  <context>
    <name>HazardDetailDialog</name>
    <message>
      <source>Hazard</source>
      <translation>隐患</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Dispatch — the six fixes</source>
      <translation>派发（六定）</translation>
    </message>
    <message>
      <source>Not dispatched yet.</source>
      <translation>尚未派发。</translation>
    </message>
    <message>
      <source>Rectification and review</source>
      <translation>整改与复核</translation>
    </message>
    <message>
      <source>Not rectified yet.</source>
      <translation>尚未整改。</translation>
    </message>
    <message>
      <source>Photos: before and after</source>
      <translation>整改前后照片</translation>
    </message>
    <message>
      <source>No photo from when it was found.</source>
      <translation>没有发现时拍的照片。</translation>
    </message>
    <message>
      <source>No photo after the fix yet.</source>
      <translation>还没有整改后的照片。</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>整改前</translation>
    </message>
    <message>
      <source>After</source>
      <translation>整改后</translation>
    </message>
    <message>
      <source>History</source>
      <translation>处理记录</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>What</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Hazard {number}</source>
      <translation>隐患 {number}</translation>
    </message>
    <message>
      <source>Overdue {span}</source>
      <translation>逾期 {span}</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Reported by</source>
      <translation>报告人</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>发现时间</translation>
    </message>
    <message>
      <source>Step due</source>
      <translation>本环节期限</translation>
    </message>
    <message>
      <source>Conflicting changes from another PC: {n}. They were made offline, did not fit this hazard's history and were not applied (highlighted below). A supervisor settles them.</source>
      <translation>来自另一台电脑的冲突修改：{n} 项。这些修改是离线时做的，与该隐患的处理记录对不上，没有生效（下方已标出），需由安全员处理。</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>责任部门</translation>
    </message>
    <message>
      <source>Rectifier</source>
      <translation>整改责任人</translation>
    </message>
    <message>
      <source>Measures</source>
      <translation>整改措施</translation>
    </message>
    <message>
      <source>Funds</source>
      <translation>整改资金</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <source>Re-checker</source>
      <translation>复查人</translation>
    </message>
    <message>
      <source>Any reviewer</source>
      <translation>任一复核人</translation>
    </message>
    <message>
      <source>Full stop</source>
      <translation>全部停产</translation>
    </message>
    <message>
      <source>Partial stop</source>
      <translation>局部停产</translation>
    </message>
    <message>
      <source>Remediation plan</source>
      <translation>整改方案</translation>
    </message>
    <message>
      <source>Stop production</source>
      <translation>停产整改</translation>
    </message>
    <message>
      <source>Reported to regulator</source>
      <translation>报告监管部门</translation>
    </message>
    <message>
      <source>Dispatched</source>
      <translation>派发时间</translation>
    </message>
    <message>
      <source>What was done</source>
      <translation>整改情况</translation>
    </message>
    <message>
      <source>Cost</source>
      <translation>整改费用</translation>
    </message>
    <message>
      <source>Recorded</source>
      <translation>登记时间</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>按期完成</translation>
    </message>
    <message>
      <source>Sent back</source>
      <translation>退回整改</translation>
    </message>
    <message>
      <source>{n}×, last: {reason}</source>
      <translation>{n} 次，最近一次：{reason}</translation>
    </message>
    <message>
      <source>Review passed</source>
      <translation>复核通过</translation>
    </message>
    <message>
      <source>Archived</source>
      <translation>归档时间</translation>
    </message>
    <message>
      <source>Double-click to open</source>
      <translation>双击打开</translation>
    </message>
    <message>
      <source>{what} — conflict</source>
      <translation>{what}（冲突）</translation>
    </message>
    <message>
      <source>{what} — conflict, settled</source>
      <translation>{what}（冲突，已处理）</translation>
    </message>
    <message>
      <source>(system)</source>
      <translation>（系统）</translation>
    </message>
    <message>
      <source>Made on another PC while offline; it did not fit the hazard's step and was not applied. A supervisor settles it.</source>
      <translation>这是另一台电脑离线时做的修改，与该隐患当时所处的环节不符，没有生效，需由安全员处理。</translation>
    </message>
    <message>
      <source>No program on this PC opens {name}; it was saved to {path}</source>
      <translation>这台电脑上没有能打开 {name} 的程序；文件已保存到 {path}</translation>
    </message>
  </context>
  <context>
    <name>HazardDialogs</name>
    <message>
      <source>¥{amount}</source>
      <translation>¥{amount}</translation>
    </message>
    <message>
      <source> yuan</source>
      <translation> 元</translation>
    </message>
  </context>
  <context>
    <name>HazardEvents</name>
    <message>
      <source>Reported (snapshot)</source>
      <translation>随手拍上报</translation>
    </message>
    <message>
      <source>Recorded</source>
      <translation>登记隐患</translation>
    </message>
    <message>
      <source>Report accepted</source>
      <translation>随手拍已采纳</translation>
    </message>
    <message>
      <source>Report not accepted</source>
      <translation>随手拍未采纳</translation>
    </message>
    <message>
      <source>Merged as a duplicate</source>
      <translation>作为重复上报合并</translation>
    </message>
    <message>
      <source>Dispatched</source>
      <translation>派发</translation>
    </message>
    <message>
      <source>Rectification recorded</source>
      <translation>登记整改</translation>
    </message>
    <message>
      <source>Review passed</source>
      <translation>复核通过</translation>
    </message>
    <message>
      <source>Sent back for rectification</source>
      <translation>复核未通过，退回整改</translation>
    </message>
    <message>
      <source>Archived (closed out)</source>
      <translation>归档销号</translation>
    </message>
    <message>
      <source>Escalated (overdue)</source>
      <translation>逾期升级</translation>
    </message>
    <message>
      <source>Comment</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Conflict settled</source>
      <translation>冲突已处理</translation>
    </message>
    <message>
      <source>Reward</source>
      <translation>奖励</translation>
    </message>
    <message>
      <source>Found {value}</source>
      <translation>发现时间：{value}</translation>
    </message>
    <message>
      <source>by {value}</source>
      <translation>报告人：{value}</translation>
    </message>
    <message>
      <source>To {value}</source>
      <translation>派给：{value}</translation>
    </message>
    <message>
      <source>due {value}</source>
      <translation>期限：{value}</translation>
    </message>
    <message>
      <source>measures: {value}</source>
      <translation>措施：{value}</translation>
    </message>
    <message>
      <source>funds {value}</source>
      <translation>资金：{value}</translation>
    </message>
    <message>
      <source>re-checker {value}</source>
      <translation>复查人：{value}</translation>
    </message>
    <message>
      <source>production stopped</source>
      <translation>停产整改</translation>
    </message>
    <message>
      <source>reported to the regulator</source>
      <translation>已报告监管部门</translation>
    </message>
    <message>
      <source>cost {value}</source>
      <translation>费用：{value}</translation>
    </message>
    <message>
      <source>photos: {value}</source>
      <translation>照片：{value} 张</translation>
    </message>
    <message>
      <source>after the deadline</source>
      <translation>超期完成</translation>
    </message>
    <message>
      <source>Reason: {value}</source>
      <translation>原因：{value}</translation>
    </message>
    <message>
      <source>Into {value}</source>
      <translation>并入：{value}</translation>
    </message>
    <message>
      <source>Closed out {value}</source>
      <translation>销号日期：{value}</translation>
    </message>
    <message>
      <source>to the plant's safety lead</source>
      <translation>上报厂级安全负责人</translation>
    </message>
    <message>
      <source>to the department head</source>
      <translation>上报部门负责人</translation>
    </message>
    <message>
      <source>step {value}</source>
      <translation>环节：{value}</translation>
    </message>
    <message>
      <source>was due {value}</source>
      <translation>原期限：{value}</translation>
    </message>
    <message>
      <source>Reward {value}</source>
      <translation>奖励：{value}</translation>
    </message>
  </context>
  <context>
    <name>HazardListDialog</name>
    <message>
      <source>Hazards: {what}</source>
      <translation>隐患：{what}</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Double-click a hazard to open it.</source>
      <translation>双击隐患可打开查看。</translation>
    </message>
    <message>
      <source>Hazards: {n}</source>
      <translation>隐患 {n} 条</translation>
    </message>
  </context>
  <context>
    <name>HazardModel</name>
    <message>
      <source>{m} min</source>
      <translation>{m} 分钟</translation>
    </message>
    <message>
      <source>{h} h</source>
      <translation>{h} 小时</translation>
    </message>
    <message>
      <source>{d} d {h} h</source>
      <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
      <source>Overdue by {span} (due {date})</source>
      <translation>已逾期 {span}（期限 {date}）</translation>
    </message>
    <message>
      <source>Escalated to the plant's safety lead</source>
      <translation>已升级至厂级安全负责人</translation>
    </message>
    <message>
      <source>Escalated to the department head</source>
      <translation>已升级至部门负责人</translation>
    </message>
  </context>
  <context>
    <name>HazardTableModel</name>
    <message>
      <source>When the current step is due</source>
      <translation>当前环节的截止时间</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>发现时间</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>隐患描述</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>隐患类型</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>隐患等级</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Equipment</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>环节</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>期限</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>{n} conflicting changes from another PC wait for a supervisor (open the hazard to settle them)</source>
      <translation>有 {n} 项来自另一台电脑的冲突修改等待安全员处理（打开该隐患即可处理）</translation>
    </message>
  </context>
  <context>
    <name>HazardsPage</name>
    <message>
      <source>Overdue {span}</source>
      <translation>逾期 {span}</translation>
    </message>
    <message>
      <source>Search number, description or location</source>
      <translation>搜索编号、描述或地点</translation>
    </message>
    <message>
      <source>All steps</source>
      <translation>全部环节</translation>
    </message>
    <message>
      <source>Open (not yet archived)</source>
      <translation>未销号（尚未归档）</translation>
    </message>
    <message>
      <source>All grades</source>
      <translation>全部等级</translation>
    </message>
    <message>
      <source>All areas</source>
      <translation>全部区域</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>逾期</translation>
    </message>
    <message>
      <source>Only hazards whose current step is past its deadline</source>
      <translation>只显示当前环节已超过期限的隐患</translation>
    </message>
    <message>
      <source>My to-do</source>
      <translation>我的待办</translation>
    </message>
    <message>
      <source>Hazards waiting for me: to rectify, or to review</source>
      <translation>等我处理的隐患：待我整改或待我复核</translation>
    </message>
    <message>
      <source>Found from</source>
      <translation>发现日期</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <source>List</source>
      <translation>列表</translation>
    </message>
    <message>
      <source>Board</source>
      <translation>看板</translation>
    </message>
    <message>
      <source>Hazards</source>
      <translation>隐患</translation>
    </message>
    <message>
      <source>Record hazard</source>
      <translation>登记隐患</translation>
    </message>
    <message>
      <source>Record a hazard you found; it goes to the clerk to dispatch</source>
      <translation>登记您发现的隐患，交给安全员派发</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>查看</translation>
    </message>
    <message>
      <source>The selected hazard in full, with its history (or double-click a row or card)</source>
      <translation>查看所选隐患的全部信息和处理记录（也可双击行或卡片）</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Hazards matching the filters</source>
      <translation>符合筛选条件的隐患数</translation>
    </message>
    <message>
      <source>Avg. response</source>
      <translation>平均派发用时</translation>
    </message>
    <message>
      <source>Average time from found to dispatched, in hours</source>
      <translation>从发现到派发的平均用时（小时）</translation>
    </message>
    <message>
      <source>Avg. rectification</source>
      <translation>平均整改用时</translation>
    </message>
    <message>
      <source>Average time from found to archived, in hours</source>
      <translation>从发现到归档销号的平均用时（小时）</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>按期整改率</translation>
    </message>
    <message>
      <source>Share of rectifications finished before their deadline</source>
      <translation>在整改期限内完成的整改所占比例</translation>
    </message>
    <message>
      <source>{h} h</source>
      <translation>{h} 小时</translation>
    </message>
    <message>
      <source>{n} hazards</source>
      <translation>共 {n} 条</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Choose file…</source>
      <translation>选择文件…</translation>
    </message>
    <message>
      <source>Columns not recognised</source>
      <translation>未识别的列</translation>
    </message>
    <message>
      <source>Say which field each of these columns holds; columns left at “Do not import” are ignored.</source>
      <translation>请为下列各列选择对应的字段；保持“不导入”的列将被忽略。</translation>
    </message>
    <message>
      <source>Problems to fix in the file</source>
      <translation>文件中需要修改的问题</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>导入</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Choose an Excel file</source>
      <translation>选择 Excel 文件</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Reading the file…</source>
      <translation>正在读取文件…</translation>
    </message>
    <message>
      <source>Read {n} rows…</source>
      <translation>已读取 {n} 行…</translation>
    </message>
    <message>
      <source>Do not import</source>
      <translation>不导入</translation>
    </message>
    <message>
      <source>“{header}” is</source>
      <translation>「{header}」对应</translation>
    </message>
    <message>
      <source>Header found in row {header}. {rows} data rows: {good} ready to import, {bad} with problems.</source>
      <translation>表头在第 {header} 行。共 {rows} 行数据：{good} 行可以导入，{bad} 行有问题。</translation>
    </message>
    <message>
      <source>The template's example row is skipped.</source>
      <translation>模板中的示例行已跳过。</translation>
    </message>
    <message>
      <source>The table shows the first {n} rows; every problem is listed below.</source>
      <translation>表格只显示前 {n} 行；所有问题都列在下方。</translation>
    </message>
    <message>
      <source>Problems to fix in the file ({n})</source>
      <translation>文件中需要修改的问题（{n} 个）</translation>
    </message>
    <message>
      <source>The file has no rows to import.</source>
      <translation>文件中没有可导入的数据行。</translation>
    </message>
    <message>
      <source>Nothing is imported until every problem is fixed. Correct the file in Excel, save it, and choose it again.</source>
      <translation>所有问题改正之前不会导入任何数据。请在 Excel 中修改并保存文件，然后重新选择该文件。</translation>
    </message>
    <message>
      <source>Nothing was imported.</source>
      <translation>没有导入任何数据。</translation>
    </message>
  </context>
  <context>
    <name>ImportKind</name>
    <message>
      <source>Import people from Excel</source>
      <translation>从 Excel 导入人员</translation>
    </message>
    <message>
      <source>Choose an .xlsx file with one person per row</source>
      <translation>选择 .xlsx 文件（每行一人）</translation>
    </message>
    <message>
      <source>Choose a file. The first row that names the columns (工号, 姓名, 部门 …) is taken as the header; download the template from the People page for a clean start.</source>
      <translation>请选择文件。第一行写有列名（工号、姓名、部门……）的行将作为表头；也可以在“人员”页面下载导入模板后再填写。</translation>
    </message>
    <message>
      <source>Update people whose employee no. exists</source>
      <translation>更新已有工号的人员</translation>
    </message>
    <message>
      <source>Skip people whose employee no. exists</source>
      <translation>跳过已有工号的人员</translation>
    </message>
    <message>
      <source>No problems found: {n} people can be imported.</source>
      <translation>没有发现问题：可以导入 {n} 人。</translation>
    </message>
    <message>
      <source>Importing {n} people…</source>
      <translation>正在导入 {n} 人…</translation>
    </message>
    <message>
      <source>Imported: {created} added, {updated} updated, {skipped} skipped.</source>
      <translation>导入完成：新增 {created} 人，更新 {updated} 人，跳过 {skipped} 人。</translation>
    </message>
    <message>
      <source>Import equipment from Excel</source>
      <translation>从 Excel 导入设备</translation>
    </message>
    <message>
      <source>Choose an .xlsx file with one machine per row</source>
      <translation>选择 .xlsx 文件（每行一台设备）</translation>
    </message>
    <message>
      <source>Choose a file. The first row that names the columns (设备编号, 设备名称, 设备类型 …) is taken as the header; download the template from the Equipment page for a clean start, or export the list, correct it in Excel and import it again.</source>
      <translation>请选择文件。第一行写有列名（设备编号、设备名称、设备类型……）的行将作为表头；可以在“设备”页面下载导入模板后填写，也可以先导出台账，在 Excel 中修改后再导入。</translation>
    </message>
    <message>
      <source>Update machines whose code exists</source>
      <translation>更新已有编号的设备</translation>
    </message>
    <message>
      <source>Skip machines whose code exists</source>
      <translation>跳过已有编号的设备</translation>
    </message>
    <message>
      <source>No problems found: {n} machines can be imported.</source>
      <translation>没有发现问题：可以导入 {n} 台设备。</translation>
    </message>
    <message>
      <source>Importing {n} machines…</source>
      <translation>正在导入 {n} 台设备…</translation>
    </message>
    <message>
      <source>Imported: {created} machines added, {updated} updated, {skipped} unchanged or skipped.</source>
      <translation>导入完成：新增 {created} 台，更新 {updated} 台，未变或跳过 {skipped} 台。</translation>
    </message>
    <message>
      <source>{n} of them have codes already in the registry and were left as they are; to update them from the file, choose “Update machines whose code exists” and choose the file again.</source>
      <translation>其中 {n} 台的设备编号已存在，未作修改；如要用文件内容更新它们，请选中“更新已有编号的设备”并重新选择该文件。</translation>
    </message>
  </context>
  <context>
    <name>ImportPlanDialog</name>
    <message>
      <source>Import floor plan</source>
      <translation>导入平面图</translation>
    </message>
    <message>
      <source>PNG, JPG (up to 10,000 px a side) or PDF</source>
      <translation>PNG、JPG（每边不超过 10,000 像素）或 PDF</translation>
    </message>
    <message>
      <source>(whole site)</source>
      <translation>（整个厂区）</translation>
    </message>
    <message>
      <source>e.g. 1F</source>
      <translation>例如 1F</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Building</source>
      <translation>建筑</translation>
    </message>
    <message>
      <source>Floor</source>
      <translation>楼层</translation>
    </message>
    <message>
      <source>PDF page</source>
      <translation>PDF 页码</translation>
    </message>
    <message>
      <source>Choose a floor plan</source>
      <translation>选择平面图</translation>
    </message>
    <message>
      <source>Floor plans</source>
      <translation>平面图</translation>
    </message>
  </context>
  <context>
    <name>InspectionDetailDialog</name>
    <message>
      <source>Inspection record</source>
      <translation>点检记录</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>Check item</source>
      <translation>点检项目</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>Hazard no.</source>
      <translation>隐患编号</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>{checklist}  ·  Inspector: {name}  ·  {time}  ·  {result}</source>
      <translation>{checklist}  ·  点检人：{name}  ·  {time}  ·  {result}</translation>
    </message>
  </context>
  <context>
    <name>InspectionModels</name>
    <message>
      <source>{ok} pass · {fail} fail · {na} n/a</source>
      <translation>合格 {ok} · 不合格 {fail} · 不适用 {na}</translation>
    </message>
    <message>
      <source>({n} not answered)</source>
      <translation>（{n} 项未填）</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Equipment</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Area / line</source>
      <translation>区域/产线</translation>
    </message>
    <message>
      <source>Frequency</source>
      <translation>点检频次</translation>
    </message>
    <message>
      <source>Missed</source>
      <translation>漏检</translation>
    </message>
    <message>
      <source>Last inspected</source>
      <translation>上次点检</translation>
    </message>
    <message>
      <source>Checklist</source>
      <translation>点检表</translation>
    </message>
    <message>
      <source>{n} checks missed since {date}</source>
      <translation>自 {date} 起漏检 {n} 次</translation>
    </message>
    <message>
      <source>This type of machine has no checklist yet: a safety clerk creates one under Checklists.</source>
      <translation>此类设备还没有点检表，请安全员在“点检表”中创建。</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>有</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <source>Every “{type}” machine</source>
      <translation>所有“{type}”类设备</translation>
    </message>
    <message>
      <source>Applies to</source>
      <translation>适用范围</translation>
    </message>
    <message>
      <source>From</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Paused</source>
      <translation>暂停</translation>
    </message>
    <message>
      <source>Check item</source>
      <translation>点检项目</translation>
    </message>
    <message>
      <source>How to check</source>
      <translation>检查方法</translation>
    </message>
    <message>
      <source>Hazard type if failed</source>
      <translation>不合格时的隐患类型</translation>
    </message>
    <message>
      <source>From the wording</source>
      <translation>根据描述判断</translation>
    </message>
    <message>
      <source>Inspected</source>
      <translation>点检时间</translation>
    </message>
    <message>
      <source>Inspector</source>
      <translation>点检人</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Proper</source>
      <translation>有效点检</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Every item answered, the first check of the day: earns safety points</source>
      <translation>所有项目均已填写，且为当天首次点检：可获得安全积分</translation>
    </message>
  </context>
  <context>
    <name>InspectionRunDialog</name>
    <message>
      <source>Inspection</source>
      <translation>点检</translation>
    </message>
    <message>
      <source>Loading the checklist…</source>
      <translation>正在加载点检表…</translation>
    </message>
    <message>
      <source>Remarks on the whole inspection (optional)</source>
      <translation>整体点检备注（可不填）</translation>
    </message>
    <message>
      <source>Finish inspection</source>
      <translation>完成点检</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Inspection saved</source>
      <translation>点检已保存</translation>
    </message>
    <message>
      <source>Hazard no.</source>
      <translation>隐患编号</translation>
    </message>
    <message>
      <source>Failed item</source>
      <translation>不合格项目</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Inspection — {code} {name}</source>
      <translation>点检 — {code} {name}</translation>
    </message>
    <message>
      <source>{checklist}  ·  Inspector: {name}  ·  Started {time}</source>
      <translation>{checklist}  ·  点检人：{name}  ·  开始于 {time}</translation>
    </message>
    <message>
      <source>This machine cannot be inspected now</source>
      <translation>这台设备现在无法点检</translation>
    </message>
    <message>
      <source>{n} of {total} answered</source>
      <translation>已填 {n}/{total} 项</translation>
    </message>
    <message>
      <source>The camera is not running any more: open the scan window again, or add a photo file.</source>
      <translation>摄像头已停止运行：请重新打开扫码窗口，或添加照片文件。</translation>
    </message>
    <message>
      <source>Say what is wrong with “{item}”: write a note or add a photo.</source>
      <translation>请说明“{item}”有什么问题：填写备注或添加照片。</translation>
    </message>
    <message>
      <source>Answer at least one item first.</source>
      <translation>请先至少填写一项。</translation>
    </message>
    <message>
      <source>Items not answered</source>
      <translation>有项目未填</translation>
    </message>
    <message>
      <source>{n} items are not answered. Submit the inspection anyway? An incomplete inspection earns no safety points.</source>
      <translation>有 {n} 项未填。仍要提交点检吗？未完成的点检不能获得安全积分。</translation>
    </message>
    <message>
      <source>Submit anyway</source>
      <translation>仍然提交</translation>
    </message>
    <message>
      <source>Saving the inspection…</source>
      <translation>正在保存点检…</translation>
    </message>
    <message>
      <source>Inspection of {code} saved</source>
      <translation>{code} 的点检已保存</translation>
    </message>
    <message>
      <source>{checklist}  ·  Inspector: {name}  ·  {time}</source>
      <translation>{checklist}  ·  点检人：{name}  ·  {time}</translation>
    </message>
    <message>
      <source>+{n} safety points for a proper inspection.</source>
      <translation>有效点检，获得 +{n} 安全积分。</translation>
    </message>
    <message>
      <source>No safety points for this one: </source>
      <translation>本次点检不计安全积分：</translation>
    </message>
    <message>
      <source>They wait for dispatch on the hazards list.</source>
      <translation>它们将在隐患列表中等待派发。</translation>
    </message>
    <message>
      <source>The safety office checks them and dispatches the fixes.</source>
      <translation>安全科会核实并派发整改。</translation>
    </message>
    <message>
      <source>Hazards drafted from the failed items: {n}. {where}</source>
      <translation>根据不合格项目生成的隐患：{n} 条。{where}</translation>
    </message>
    <message>
      <source>No item failed: no hazard drafted.</source>
      <translation>没有不合格项目，未生成隐患。</translation>
    </message>
    <message>
      <source>not every item was answered.</source>
      <translation>并非所有项目都已填写。</translation>
    </message>
    <message>
      <source>every item was n/a, nothing was checked.</source>
      <translation>所有项目均为不适用，没有实际检查任何内容。</translation>
    </message>
    <message>
      <source>this machine was already inspected properly today.</source>
      <translation>这台设备今天已经做过有效点检。</translation>
    </message>
    <message>
      <source>your account is not linked to a person in the people list.</source>
      <translation>您的账号没有关联人员名单中的人员。</translation>
    </message>
    <message>
      <source>Discard inspection</source>
      <translation>放弃点检</translation>
    </message>
    <message>
      <source>Close without saving? The answers given so far are lost.</source>
      <translation>不保存就关闭吗？已填写的结果将会丢失。</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>放弃</translation>
    </message>
  </context>
  <context>
    <name>InspectionsPage</name>
    <message>
      <source>Due today</source>
      <translation>今日待检</translation>
    </message>
    <message>
      <source>History</source>
      <translation>点检记录</translation>
    </message>
    <message>
      <source>Checklists</source>
      <translation>点检表</translation>
    </message>
    <message>
      <source>Schedules</source>
      <translation>点检计划</translation>
    </message>
    <message>
      <source>Inspections</source>
      <translation>点检</translation>
    </message>
    <message>
      <source>Start inspection</source>
      <translation>开始点检</translation>
    </message>
    <message>
      <source>Check the selected machine now (or double-click a row)</source>
      <translation>立即点检所选设备（也可双击该行）</translation>
    </message>
    <message>
      <source>Equipment card</source>
      <translation>设备卡片</translation>
    </message>
    <message>
      <source>Its history</source>
      <translation>点检历史</translation>
    </message>
    <message>
      <source>Past inspections of the selected machine</source>
      <translation>所选设备以往的点检记录</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Nothing due today.</source>
      <translation>今天没有待检设备。</translation>
    </message>
    <message>
      <source>{n} machines to check today, {m} of them overdue ({k} checks missed).</source>
      <translation>今天有 {n} 台设备待检，其中 {m} 台已逾期（漏检 {k} 次）。</translation>
    </message>
    <message>
      <source>{n} machines to check today.</source>
      <translation>今天有 {n} 台设备待检。</translation>
    </message>
    <message>
      <source>Equipment code (all machines)</source>
      <translation>设备编号（全部设备）</translation>
    </message>
    <message>
      <source>All inspectors</source>
      <translation>全部点检人</translation>
    </message>
    <message>
      <source>Me</source>
      <translation>我</translation>
    </message>
    <message>
      <source>With failed items only</source>
      <translation>只显示有不合格项的</translation>
    </message>
    <message>
      <source>There is no machine with the code “{code}”.</source>
      <translation>没有编号为“{code}”的设备。</translation>
    </message>
    <message>
      <source>{n} inspections</source>
      <translation>{n} 次点检</translation>
    </message>
    <message>
      <source>Add schedule</source>
      <translation>添加计划</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>A machine's own schedule wins over its type's. Daily checks are due Monday to Saturday.</source>
      <translation>单台设备的计划优先于其类型的计划。每日点检在周一至周六进行。</translation>
    </message>
    <message>
      <source>Remove schedule</source>
      <translation>移除计划</translation>
    </message>
    <message>
      <source>Remove the schedule for {scope}? Its machines are no longer due (past inspections are kept).</source>
      <translation>移除{scope}的点检计划？其设备将不再列入待检（以往的点检记录仍会保留）。</translation>
    </message>
  </context>
  <context>
    <name>ItemRow</name>
    <message>
      <source>What is wrong? (a note or a photo is needed)</source>
      <translation>有什么问题？（须填写备注或添加照片）</translation>
    </message>
    <message>
      <source>Photos of the problem</source>
      <translation>问题照片</translation>
    </message>
    <message>
      <source>Photo from webcam</source>
      <translation>用摄像头拍照</translation>
    </message>
    <message>
      <source>Take the picture the scan window's camera shows now</source>
      <translation>拍下扫码窗口摄像头当前显示的画面</translation>
    </message>
  </context>
  <context>
    <name>LabelsDialog</name>
    <message>
      <source>Print QR labels</source>
      <translation>打印二维码标签</translation>
    </message>
    <message>
      <source>Selected equipment ({n})</source>
      <translation>所选设备（{n} 台）</translation>
    </message>
    <message>
      <source>Everything in the current list ({n})</source>
      <translation>当前列表中的全部设备（{n} 台）</translation>
    </message>
    <message>
      <source>All equipment in an area</source>
      <translation>某个区域的全部设备</translation>
    </message>
    <message>
      <source>All equipment of a type</source>
      <translation>某种类型的全部设备</translation>
    </message>
    <message>
      <source>A4 sticker sheet, 3 × 8 (70 × 37 mm)</source>
      <translation>A4 不干胶标签纸，3 × 8（70 × 37 毫米）</translation>
    </message>
    <message>
      <source>A4 sticker sheet, 2 × 5 (105 × 57 mm)</source>
      <translation>A4 不干胶标签纸，2 × 5（105 × 57 毫米）</translation>
    </message>
    <message>
      <source>Thermal label 50 × 30 mm</source>
      <translation>热敏标签 50 × 30 毫米</translation>
    </message>
    <message>
      <source>Thermal label 60 × 40 mm</source>
      <translation>热敏标签 60 × 40 毫米</translation>
    </message>
    <message>
      <source>Thermal label 70 × 50 mm</source>
      <translation>热敏标签 70 × 50 毫米</translation>
    </message>
    <message>
      <source> labels already used</source>
      <translation> 张标签已用过</translation>
    </message>
    <message>
      <source>Label size</source>
      <translation>标签尺寸</translation>
    </message>
    <message>
      <source>Start on a partly used sheet</source>
      <translation>从用过一部分的标签纸开始</translation>
    </message>
    <message>
      <source>Save PDF…</source>
      <translation>保存 PDF…</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>打印…</translation>
    </message>
    <message>
      <source>{n} labels…</source>
      <translation>{n} 张标签…</translation>
    </message>
    <message>
      <source>Making labels…</source>
      <translation>正在生成标签…</translation>
    </message>
    <message>
      <source>Save labels as PDF</source>
      <translation>将标签保存为 PDF</translation>
    </message>
    <message>
      <source>Saved {pages} pages to {path}</source>
      <translation>已将 {pages} 页保存到 {path}</translation>
    </message>
    <message>
      <source>SafeDesk labels</source>
      <translation>安全台标签</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>Log in — SafeDesk</source>
      <translation>登录 — 安全台</translation>
    </message>
    <message>
      <source>Please log in to continue.</source>
      <translation>请登录后继续。</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Report a hazard without logging in</source>
      <translation>随手拍（无需登录）</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Log in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Please enter your user name.</source>
      <translation>请输入用户名。</translation>
    </message>
    <message>
      <source>Please enter your password.</source>
      <translation>请输入密码。</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>正在验证…</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Scan a label</source>
      <translation>扫码</translation>
    </message>
    <message>
      <source>Your account has no pages to show. Ask an administrator to give you a role.</source>
      <translation>您的账号目前没有可用的页面，请联系管理员为您分配角色。</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>Report a hazard…</source>
      <translation>随手拍上报隐患…</translation>
    </message>
    <message>
      <source>Open data folder</source>
      <translation>打开数据文件夹</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>&amp;Settings</source>
      <translation>设置(&amp;S)</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>About SafeDesk</source>
      <translation>关于安全台</translation>
    </message>
    <message>
      <source>Open log file</source>
      <translation>打开日志文件</translation>
    </message>
    <message>
      <source>Scan a label…</source>
      <translation>扫码…</translation>
    </message>
    <message>
      <source>Scan an equipment label with the webcam or from a photo (Ctrl+Shift+S). A handheld scanner works without this.</source>
      <translation>用摄像头或从图片扫描设备标签（Ctrl+Shift+S）。使用扫码枪时无需打开此窗口。</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>User: {name} ({roles})</source>
      <translation>用户：{name}（{roles}）</translation>
    </message>
    <message>
      <source>Plant: {name}</source>
      <translation>工厂：{name}</translation>
    </message>
    <message>
      <source>Data folder: {path}</source>
      <translation>数据文件夹：{path}</translation>
    </message>
    <message>
      <source>Scan</source>
      <translation>扫码</translation>
    </message>
    <message>
      <source>There is no log file yet.</source>
      <translation>目前还没有日志文件。</translation>
    </message>
    <message>
      <source>The new language applies after SafeDesk restarts.</source>
      <translation>新的语言将在重新启动安全台后生效。</translation>
    </message>
    <message>
      <source>Version {version}</source>
      <translation>版本 {version}</translation>
    </message>
    <message>
      <source>Safety office software for the plant. It works offline and keeps all its data in the data folder.</source>
      <translation>工厂安全管理办公软件。无需联网即可使用，所有数据都保存在数据文件夹中。</translation>
    </message>
  </context>
  <context>
    <name>MaintenanceDialog</name>
    <message>
      <source>Add maintenance record</source>
      <translation>添加保养记录</translation>
    </message>
    <message>
      <source>Who did the work</source>
      <translation>由谁完成</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>The machine shows as overdue once this date passes</source>
      <translation>过了这个日期，设备将显示为保养逾期</translation>
    </message>
    <message>
      <source>Date *</source>
      <translation>日期 *</translation>
    </message>
    <message>
      <source>Kind *</source>
      <translation>类型 *</translation>
    </message>
    <message>
      <source>Performed by</source>
      <translation>执行人</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Next due</source>
      <translation>下次到期</translation>
    </message>
  </context>
  <context>
    <name>MessageBar</name>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>MetricsPage</name>
    <message>
      <source>Before / after</source>
      <translation>前后对比</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Employee no.</source>
      <translation>工号</translation>
    </message>
    <message>
      <source>Category (GB 6441)</source>
      <translation>事故类别（GB 6441）</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>伤害程度</translation>
    </message>
    <message>
      <source>Lost days</source>
      <translation>损失工作日</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>事故经过</translation>
    </message>
    <message>
      <source>incident</source>
      <translation>事故记录</translation>
    </message>
    <message>
      <source>One row per injured person. The injury rate counts these rows.</source>
      <translation>每位受伤人员登记一行，负伤率按这里的行数计算。</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>Headcount</source>
      <translation>在册人数</translation>
    </message>
    <message>
      <source>Hours worked</source>
      <translation>实际工时</translation>
    </message>
    <message>
      <source>month</source>
      <translation>月度用工记录</translation>
    </message>
    <message>
      <source>The average number of people on the payroll in the month and the hours actually worked: the injury rates are counted against these.</source>
      <translation>当月平均在册职工人数和实际工作工时，负伤率以此为基数计算。</translation>
    </message>
    <message>
      <source>Agency</source>
      <translation>检查单位</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>检查类型</translation>
    </message>
    <message>
      <source>Deductions</source>
      <translation>扣分</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>检查发现的问题</translation>
    </message>
    <message>
      <source>inspection</source>
      <translation>外部检查记录</translation>
    </message>
    <message>
      <source>Visits by regulators (应急管理局, fire brigade …) and the points they deducted.</source>
      <translation>监管部门（应急管理局、消防救援机构等）来厂检查的情况及扣分。</translation>
    </message>
    <message>
      <source>Incidents</source>
      <translation>伤害事故</translation>
    </message>
    <message>
      <source>Workforce</source>
      <translation>用工人数</translation>
    </message>
    <message>
      <source>External inspections</source>
      <translation>外部检查</translation>
    </message>
    <message>
      <source>Effect metrics</source>
      <translation>成效指标</translation>
    </message>
    <message>
      <source>Export PDF…</source>
      <translation>导出 PDF…</translation>
    </message>
    <message>
      <source>Export Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>之前</translation>
    </message>
    <message>
      <source>After</source>
      <translation>之后</translation>
    </message>
    <message>
      <source>Measure</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>变化</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>How each measure is counted: hazards per month = hazards found ÷ months (reports that were not accepted, merged into another or not yet verified do not count; a period that reaches today counts only the months up to today); rectification time = hours from found to archived (hazards found in the period and archived); injury rate ‰ = injured persons ÷ the sum of the monthly headcounts × 1000 (the average monthly rate); per million hours = injured ÷ hours worked × 1,000,000; deductions = points deducted ÷ external inspection visits. “—” means no data, not zero: training coverage stays “—” until training records exist.</source>
      <translation>各指标的计算方法：月均隐患数 = 发现的隐患数 ÷ 月数（未受理、已合并到其他隐患或尚未核实的上报不计入；时间段包含今天时，只计到今天为止的月数）；整改用时 = 从发现到归档的小时数（统计该时间段内发现并已归档的隐患）；千人负伤率 ‰ = 受伤人数 ÷ 各月在册人数之和 × 1000（即月平均负伤率）；百万工时伤害率 = 受伤人数 ÷ 实际工时 × 1,000,000；扣分 = 扣分合计 ÷ 外部检查次数。“—”表示没有数据，并非为零：在有培训记录之前，培训覆盖率一直显示“—”。</translation>
    </message>
    <message>
      <source>Before ({period})</source>
      <translation>之前（{period}）</translation>
    </message>
    <message>
      <source>After ({period})</source>
      <translation>之后（{period}）</translation>
    </message>
    <message>
      <source>Before — months: {bm}, hazards: {bh}, injured: {bi}, external inspections: {bv}. After — months: {am}, hazards: {ah}, injured: {ai}, external inspections: {av}.</source>
      <translation>之前：{bm} 个月，隐患 {bh} 条，受伤 {bi} 人，外部检查 {bv} 次。之后：{am} 个月，隐患 {ah} 条，受伤 {ai} 人，外部检查 {av} 次。</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <source>Saved: {path}</source>
      <translation>已保存：{path}</translation>
    </message>
    <message>
      <source>Employee no. (optional)</source>
      <translation>工号（可不填）</translation>
    </message>
    <message>
      <source>Injured person</source>
      <translation>受伤人员</translation>
    </message>
    <message>
      <source>Lost working days</source>
      <translation>损失工作日</translation>
    </message>
    <message>
      <source>Kind of inspection</source>
      <translation>检查类型</translation>
    </message>
    <message>
      <source>Points deducted</source>
      <translation>扣分</translation>
    </message>
  </context>
  <context>
    <name>MonitoringModel</name>
    <message>
      <source>Code</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Machine</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <source>Watched</source>
      <translation>监控中</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>ended</source>
      <translation>已结束</translation>
    </message>
  </context>
  <context>
    <name>MonitoringPage</name>
    <message>
      <source>Show ended</source>
      <translation>显示已结束的</translation>
    </message>
    <message>
      <source>End monitoring</source>
      <translation>结束监控</translation>
    </message>
    <message>
      <source>Machines are added by the warning rules; see the Warnings page for the evidence.</source>
      <translation>设备由预警规则自动加入；依据请到“预警”页面查看。</translation>
    </message>
    <message>
      <source>Key monitoring</source>
      <translation>重点监控</translation>
    </message>
  </context>
  <context>
    <name>NewUserDialog</name>
    <message>
      <source>Add user</source>
      <translation>新增用户</translation>
    </message>
    <message>
      <source>User name *</source>
      <translation>用户名 *</translation>
    </message>
    <message>
      <source>Display name</source>
      <translation>显示名称</translation>
    </message>
    <message>
      <source>Roles *</source>
      <translation>角色 *</translation>
    </message>
    <message>
      <source>Optional: the user's employee no.</source>
      <translation>可选：该用户的工号</translation>
    </message>
    <message>
      <source>Linked person</source>
      <translation>关联人员</translation>
    </message>
  </context>
  <context>
    <name>NotificationBell</name>
    <message>
      <source>To do</source>
      <translation>待办</translation>
    </message>
    <message>
      <source>Could not check for new tasks; trying again in a minute.</source>
      <translation>无法检查新的待办，一分钟后重试。</translation>
    </message>
    <message>
      <source>{n} items wait for you</source>
      <translation>您有 {n} 项待办</translation>
    </message>
    <message>
      <source>Nothing waits for you</source>
      <translation>暂无待办</translation>
    </message>
    <message>
      <source>{n} new items for you</source>
      <translation>您有 {n} 项新待办</translation>
    </message>
  </context>
  <context>
    <name>NotificationPopup</name>
    <message>
      <source>Waiting for you</source>
      <translation>我的待办</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Nothing is waiting for you. Well done.</source>
      <translation>目前没有待办事项，辛苦了！</translation>
    </message>
    <message>
      <source>Escalated to you (overdue)</source>
      <translation>逾期升级给您的</translation>
    </message>
    <message>
      <source>Your tasks</source>
      <translation>您的任务</translation>
    </message>
    <message>
      <source>Reports to check</source>
      <translation>待核实的随手拍</translation>
    </message>
    <message>
      <source>To dispatch</source>
      <translation>待派发</translation>
    </message>
    <message>
      <source>To archive</source>
      <translation>待归档</translation>
    </message>
    <message>
      <source>Updated {time}</source>
      <translation>更新于 {time}</translation>
    </message>
    <message>
      <source>escalated, level {n}</source>
      <translation>已升级（第 {n} 级）</translation>
    </message>
    <message>
      <source>overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <source>…and {n} more on the Hazards page</source>
      <translation>……另有 {n} 项，请到“隐患”页面查看</translation>
    </message>
  </context>
  <context>
    <name>Op</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>PasswordDialog</name>
    <message>
      <source>Reset password</source>
      <translation>重置密码</translation>
    </message>
    <message>
      <source>User</source>
      <translation>用户</translation>
    </message>
  </context>
  <context>
    <name>PeoplePage</name>
    <message>
      <source>Search name, employee no. or phone</source>
      <translation>搜索姓名、工号或电话</translation>
    </message>
    <message>
      <source>All departments</source>
      <translation>全部部门</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人员</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Import Excel…</source>
      <translation>导入 Excel…</translation>
    </message>
    <message>
      <source>Download template</source>
      <translation>下载模板</translation>
    </message>
    <message>
      <source>{n} people</source>
      <translation>共 {n} 人</translation>
    </message>
    <message>
      <source>Delete {name} ({no}) from the roster?</source>
      <translation>从花名册中删除 {name}（{no}）？</translation>
    </message>
    <message>
      <source>Delete the {n} selected people from the roster?</source>
      <translation>从花名册中删除选中的 {n} 人？</translation>
    </message>
    <message>
      <source>Their past records (training, inspections) are kept.</source>
      <translation>其历史记录（培训、检查等）仍会保留。</translation>
    </message>
    <message>
      <source>Delete people</source>
      <translation>删除人员</translation>
    </message>
    <message>
      <source>Deleted {n} people.</source>
      <translation>已删除 {n} 人。</translation>
    </message>
    <message>
      <source>people-import-template.xlsx</source>
      <translation>人员导入模板.xlsx</translation>
    </message>
    <message>
      <source>Save the import template</source>
      <translation>保存导入模板</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Template saved to {path}</source>
      <translation>模板已保存到 {path}</translation>
    </message>
  </context>
  <context>
    <name>PeopleTableModel</name>
    <message>
      <source>Employee no.</source>
      <translation>工号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Post</source>
      <translation>岗位</translation>
    </message>
    <message>
      <source>Hire date</source>
      <translation>入职日期</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>男</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>女</translation>
    </message>
  </context>
  <context>
    <name>PersonDialog</name>
    <message>
      <source>Edit person</source>
      <translation>编辑人员</translation>
    </message>
    <message>
      <source>Add person</source>
      <translation>新增人员</translation>
    </message>
    <message>
      <source>Not given</source>
      <translation>未填写</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>男</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>女</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>不详</translation>
    </message>
    <message>
      <source>11-digit mobile or landline</source>
      <translation>11 位手机号或座机号</translation>
    </message>
    <message>
      <source>Employee no. *</source>
      <translation>工号 *</translation>
    </message>
    <message>
      <source>Name *</source>
      <translation>姓名 *</translation>
    </message>
    <message>
      <source>Gender</source>
      <translation>性别</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Post</source>
      <translation>岗位</translation>
    </message>
    <message>
      <source>Hire date</source>
      <translation>入职日期</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>PersonPicker</name>
    <message>
      <source>Type a name or employee no.</source>
      <translation>输入姓名或工号</translation>
    </message>
    <message>
      <source>You may not look up people</source>
      <translation>您没有查看人员的权限</translation>
    </message>
  </context>
  <context>
    <name>PhotoPicker</name>
    <message>
      <source>Add photos…</source>
      <translation>添加照片…</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Photos (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</source>
      <translation>照片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;所有文件 (*)</translation>
    </message>
  </context>
  <context>
    <name>PlanView</name>
    <message>
      <source>Not assessed</source>
      <translation>未评估</translation>
    </message>
  </context>
  <context>
    <name>PointsPage</name>
    <message>
      <source>Rank</source>
      <translation>排名</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Employee no.</source>
      <translation>工号</translation>
    </message>
    <message>
      <source>Points</source>
      <translation>积分</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>For</source>
      <translation>积分项目</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>关联单号</translation>
    </message>
    <message>
      <source>The month to rank</source>
      <translation>排名的月份</translation>
    </message>
    <message>
      <source>Previous month</source>
      <translation>上个月</translation>
    </message>
    <message>
      <source>Next month</source>
      <translation>下个月</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月份</translation>
    </message>
    <message>
      <source>How the points were earned</source>
      <translation>积分明细</translation>
    </message>
    <message>
      <source>Choose a person in the ranking to see their points.</source>
      <translation>在排行榜中选择一个人，查看其积分明细。</translation>
    </message>
    <message>
      <source>Safety points</source>
      <translation>安全积分</translation>
    </message>
    <message>
      <source>How points are earned: {rules}</source>
      <translation>积分规则：{rules}</translation>
    </message>
    <message>
      <source>{people} people earned {points} points in {month}</source>
      <translation>{month}：共 {people} 人获得积分，合计 {points} 分</translation>
    </message>
    <message>
      <source>No points were earned in {month} yet.</source>
      <translation>{month} 还没有人获得积分。</translation>
    </message>
    <message>
      <source>How {name} earned points</source>
      <translation>{name} 的积分明细</translation>
    </message>
    <message>
      <source>All points, newest first. Total: {total}</source>
      <translation>全部积分记录，最新的在前。合计：{total} 分</translation>
    </message>
  </context>
  <context>
    <name>PreviewModel</name>
    <message>
      <source>Not imported</source>
      <translation>不导入</translation>
    </message>
    <message>
      <source>Imported as “{field}”</source>
      <translation>导入为“{field}”</translation>
    </message>
  </context>
  <context>
    <name>PreviewPane</name>
    <message>
      <source>Choose a report and its period, then press Preview.</source>
      <translation>选择报表和期间，然后按“预览”。</translation>
    </message>
  </context>
  <context>
    <name>RecordHazardDialog</name>
    <message>
      <source>Record</source>
      <translation>登记</translation>
    </message>
    <message>
      <source>Record a hazard</source>
      <translation>登记隐患</translation>
    </message>
    <message>
      <source>What is wrong, and exactly where, e.g. the foot switch of press 3 on line B has no guard</source>
      <translation>存在什么问题、具体在哪里，例如：B 线 3 号压力机的脚踏开关没有防护罩</translation>
    </message>
    <message>
      <source>Choose the type…</source>
      <translation>请选择隐患类型…</translation>
    </message>
    <message>
      <source>Part or spot, e.g. foot switch, north door</source>
      <translation>具体部位，例如：脚踏开关、北门</translation>
    </message>
    <message>
      <source>Photos of the hazard</source>
      <translation>隐患照片</translation>
    </message>
    <message>
      <source>Description *</source>
      <translation>隐患描述 *</translation>
    </message>
    <message>
      <source>Type *</source>
      <translation>隐患类型 *</translation>
    </message>
    <message>
      <source>Grade *</source>
      <translation>隐患等级 *</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>隐患来源</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>产线</translation>
    </message>
    <message>
      <source>Equipment</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>具体部位</translation>
    </message>
    <message>
      <source>Found at *</source>
      <translation>发现时间 *</translation>
    </message>
    <message>
      <source>Photos (before)</source>
      <translation>整改前照片</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Major hazard: needs a full or partial stop and time to fix, or the plant cannot fix it alone. It needs the six fixes, a remediation plan and a report to the regulator.</source>
      <translation>重大隐患：需要全部或局部停产，经过一定时间才能整改完成，或本厂自身难以排除。须落实“六定”，制定整改方案，并向监管部门报告。</translation>
    </message>
    <message>
      <source>General hazard: little harm, can be fixed on the spot or quickly.</source>
      <translation>一般隐患：危害和整改难度较小，能够当场或很快整改排除。</translation>
    </message>
    <message>
      <source>Please choose the type of hazard.</source>
      <translation>请选择隐患类型。</translation>
    </message>
  </context>
  <context>
    <name>RectifyDialog</name>
    <message>
      <source>Record rectification</source>
      <translation>登记整改</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Measures asked for</source>
      <translation>要求的整改措施</translation>
    </message>
    <message>
      <source>Deadline</source>
      <translation>整改期限</translation>
    </message>
    <message>
      <source>Sent back because</source>
      <translation>退回原因</translation>
    </message>
    <message>
      <source>What was done, e.g. fitted a fixed guard and tested the foot switch</source>
      <translation>做了哪些整改，例如：加装了固定式防护罩，并试验了脚踏开关</translation>
    </message>
    <message>
      <source>Photos after the fix</source>
      <translation>整改后照片</translation>
    </message>
    <message>
      <source>What was done *</source>
      <translation>整改情况 *</translation>
    </message>
    <message>
      <source>Cost</source>
      <translation>整改费用</translation>
    </message>
    <message>
      <source>Photos (after)</source>
      <translation>整改后照片</translation>
    </message>
  </context>
  <context>
    <name>RegisterTab</name>
    <message>
      <source>Add…</source>
      <translation>新增…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Edit {what}</source>
      <translation>编辑{what}</translation>
    </message>
    <message>
      <source>Add {what}</source>
      <translation>新增{what}</translation>
    </message>
    <message>
      <source>Delete this {what}?</source>
      <translation>删除这条{what}？</translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message>
      <source>Report a hazard</source>
      <translation>随手拍：上报隐患</translation>
    </message>
    <message>
      <source>Saw something unsafe? Add a photo and say where it is and what is wrong. The safety office checks every report; accepted reports earn safety points.</source>
      <translation>发现不安全的情况？拍张照片，说明在哪里、有什么问题。安全科会核实每一条上报，被采纳的可获得安全积分。</translation>
    </message>
    <message>
      <source>Your employee no. (on your badge)</source>
      <translation>您的工号（见工牌）</translation>
    </message>
    <message>
      <source>No photo yet.
Choose a file or drop a picture here.</source>
      <translation>还没有照片。
请选择文件，或把图片拖到这里。</translation>
    </message>
    <message>
      <source>Choose photo…</source>
      <translation>选择照片…</translation>
    </message>
    <message>
      <source>Take photo…</source>
      <translation>拍照…</translation>
    </message>
    <message>
      <source>Remove photo</source>
      <translation>移除照片</translation>
    </message>
    <message>
      <source>Choose the area…</source>
      <translation>请选择区域…</translation>
    </message>
    <message>
      <source>Optional: the code on the machine's label</source>
      <translation>可不填：设备标签上的编号</translation>
    </message>
    <message>
      <source>What is wrong, and where exactly? e.g. the guard of press 3 on line B is missing</source>
      <translation>有什么问题？具体在哪里？例如：B 线 3 号压力机的防护罩缺失</translation>
    </message>
    <message>
      <source>Reported by *</source>
      <translation>报告人 *</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>Area *</source>
      <translation>区域 *</translation>
    </message>
    <message>
      <source>Equipment</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>What is wrong *</source>
      <translation>存在问题 *</translation>
    </message>
    <message>
      <source>Kind of hazard</source>
      <translation>隐患类型</translation>
    </message>
    <message>
      <source>Send report</source>
      <translation>提交上报</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Report another</source>
      <translation>再报一条</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Your account is not linked to a person on the roster; type your employee number.</source>
      <translation>您的账号没有关联花名册中的人员，请输入您的工号。</translation>
    </message>
    <message>
      <source>No one on the roster has employee no. “{no}”. Check the number on your badge, or ask the safety office.</source>
      <translation>花名册中没有工号为“{no}”的人员。请核对工牌上的工号，或询问安全科。</translation>
    </message>
    <message>
      <source>✓ {who} — is this you?</source>
      <translation>✓ {who}，是您本人吗？</translation>
    </message>
    <message>
      <source>No equipment has the code “{code}”. Leave it empty if you are not sure.</source>
      <translation>没有编号为“{code}”的设备。不确定的话可以不填。</translation>
    </message>
    <message>
      <source>Choose a photo</source>
      <translation>选择照片</translation>
    </message>
    <message>
      <source>Pictures ({patterns})</source>
      <translation>图片 ({patterns})</translation>
    </message>
    <message>
      <source>“{name}” is not a picture SafeDesk can read. Choose a JPG or PNG photo.</source>
      <translation>安全台无法读取图片“{name}”，请选择 JPG 或 PNG 格式的照片。</translation>
    </message>
    <message>
      <source>Please type your employee number.</source>
      <translation>请输入您的工号。</translation>
    </message>
    <message>
      <source>Please say what is wrong.</source>
      <translation>请说明存在什么问题。</translation>
    </message>
    <message>
      <source>Please choose the area where you saw it.</source>
      <translation>请选择发现问题的区域。</translation>
    </message>
    <message>
      <source>Thank you, {name}!</source>
      <translation>谢谢您，{name}！</translation>
    </message>
    <message>
      <source>Your report {number} has reached the safety office. They will check it soon; accepted reports earn safety points. Quote the number if you ask about it.</source>
      <translation>您的上报（编号 {number}）已送达安全科，安全科会尽快核实；被采纳的可获得安全积分。询问处理情况时请提供这个编号。</translation>
    </message>
    <message>
      <source>Sending…</source>
      <translation>正在提交…</translation>
    </message>
  </context>
  <context>
    <name>ReportsPage</name>
    <message>
      <source>Month</source>
      <translation>月报</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>季报</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年报</translation>
    </message>
    <message>
      <source>Custom range</source>
      <translation>自定义时间段</translation>
    </message>
    <message>
      <source>Hazard number, e.g. YH-2025-0012</source>
      <translation>隐患编号，例如 YH-2025-0012</translation>
    </message>
    <message>
      <source>Chemical inventory…</source>
      <translation>危险化学品清单…</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>时间段</translation>
    </message>
    <message>
      <source>Hazard</source>
      <translation>隐患</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Equipment</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Floor plan</source>
      <translation>平面图</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>之前</translation>
    </message>
    <message>
      <source>After</source>
      <translation>之后</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>纸张</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>预览</translation>
    </message>
    <message>
      <source>Export PDF…</source>
      <translation>导出 PDF…</translation>
    </message>
    <message>
      <source>Export Excel…</source>
      <translation>导出 Excel…</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>打印…</translation>
    </message>
    <message>
      <source>Open folder</source>
      <translation>打开文件夹</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>报表</translation>
    </message>
    <message>
      <source>All areas</source>
      <translation>全部区域</translation>
    </message>
    <message>
      <source>All equipment</source>
      <translation>全部设备</translation>
    </message>
    <message>
      <source>All floor plans</source>
      <translation>全部平面图</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>已取消。</translation>
    </message>
    <message>
      <source>Making the preview…</source>
      <translation>正在生成预览…</translation>
    </message>
    <message numerus="yes">
      <source>%n page(s)</source>
      <translation>
        <numerusform>共 %n 页</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>(the first %n shown)</source>
      <translation>
        <numerusform>（显示前 %n 页）</numerusform>
      </translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>Export report</source>
      <translation>导出报表</translation>
    </message>
    <message>
      <source>Writing {name}…</source>
      <translation>正在生成 {name}…</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>已保存到 {path}</translation>
    </message>
    <message>
      <source>Preparing to print…</source>
      <translation>正在准备打印…</translation>
    </message>
  </context>
  <context>
    <name>ResolveConflictDialog</name>
    <message>
      <source>Settle conflict</source>
      <translation>处理冲突</translation>
    </message>
    <message>
      <source>Settle</source>
      <translation>处理</translation>
    </message>
    <message>
      <source>These changes were made on another PC while it was offline. They arrived after the hazard had moved on, so they were not applied. Check with the people named, then settle them with a note; nothing is deleted from the history.</source>
      <translation>这些修改是另一台电脑离线时做的，同步过来时该隐患已进入后续环节，所以没有生效。请先与相关人员核实，再填写说明进行处理；处理记录中的内容都不会被删除。</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>修改内容</translation>
    </message>
    <message>
      <source>Step it met</source>
      <translation>当时环节</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>How it was settled, e.g. the first dispatch stands; 李工 was told</source>
      <translation>处理说明，例如：以第一次派发为准，已告知李工</translation>
    </message>
    <message>
      <source>Note *</source>
      <translation>说明 *</translation>
    </message>
    <message>
      <source>Tick the conflicting changes to settle.</source>
      <translation>请勾选要处理的冲突修改。</translation>
    </message>
  </context>
  <context>
    <name>ReviewDialog</name>
    <message>
      <source>Review</source>
      <translation>复核</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>What was done</source>
      <translation>整改情况</translation>
    </message>
    <message>
      <source>Cost</source>
      <translation>整改费用</translation>
    </message>
    <message>
      <source>Pass: the hazard is fixed</source>
      <translation>通过：隐患已整改到位</translation>
    </message>
    <message>
      <source>Send back: not fixed properly</source>
      <translation>退回：整改不到位</translation>
    </message>
    <message>
      <source>Why it goes back, e.g. the guard is loose</source>
      <translation>退回原因，例如：防护罩没有固定牢</translation>
    </message>
    <message>
      <source>Result *</source>
      <translation>复核结果 *</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Pass review</source>
      <translation>复核通过</translation>
    </message>
    <message>
      <source>Send back</source>
      <translation>退回整改</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Reason *</source>
      <translation>原因 *</translation>
    </message>
  </context>
  <context>
    <name>RiskMapPage</name>
    <message>
      <source>Not assessed</source>
      <translation>未评估</translation>
    </message>
    <message>
      <source>open hazards (red: overdue)</source>
      <translation>未整改隐患（红色：已逾期）</translation>
    </message>
    <message>
      <source>Risk map</source>
      <translation>风险四色图</translation>
    </message>
    <message>
      <source>Floor plan</source>
      <translation>平面图</translation>
    </message>
    <message>
      <source>Import plan…</source>
      <translation>导入平面图…</translation>
    </message>
    <message>
      <source>Rename…</source>
      <translation>重命名…</translation>
    </message>
    <message>
      <source>Delete plan</source>
      <translation>删除平面图</translation>
    </message>
    <message>
      <source>Browse</source>
      <translation>浏览</translation>
    </message>
    <message>
      <source>Place / move markers</source>
      <translation>放置/移动设备标记</translation>
    </message>
    <message>
      <source>Draw zone</source>
      <translation>绘制风险区域</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>适应窗口</translation>
    </message>
    <message>
      <source>Export map…</source>
      <translation>导出四色图…</translation>
    </message>
    <message>
      <source>Risk zones</source>
      <translation>风险区域</translation>
    </message>
    <message>
      <source>Equipment</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Open hazards</source>
      <translation>未整改隐患</translation>
    </message>
    <message>
      <source>Hazard density</source>
      <translation>隐患热力图</translation>
    </message>
    <message>
      <source>Find a machine by code or name</source>
      <translation>按编号或名称查找设备</translation>
    </message>
    <message>
      <source>Filter equipment</source>
      <translation>筛选设备</translation>
    </message>
    <message>
      <source>Drag machines onto the plan to place them.</source>
      <translation>把设备拖到平面图上即可放置。</translation>
    </message>
    <message>
      <source>Double-click a machine to find it on the plan.</source>
      <translation>双击设备可在平面图上找到它。</translation>
    </message>
    <message>
      <source>No floor plans yet.</source>
      <translation>还没有平面图。</translation>
    </message>
    <message>
      <source>Import one with “Import plan…”.</source>
      <translation>请点击“导入平面图…”导入。</translation>
    </message>
    <message>
      <source>{zones} zones · {markers} machines · {open} open hazards ({overdue} overdue)</source>
      <translation>风险区域 {zones} 个 · 设备 {markers} 台 · 未整改隐患 {open} 条（{overdue} 条已逾期）</translation>
    </message>
    <message>
      <source>Importing the floor plan…</source>
      <translation>正在导入平面图…</translation>
    </message>
    <message>
      <source>Floor plan imported.</source>
      <translation>平面图已导入。</translation>
    </message>
    <message>
      <source>Rename floor plan</source>
      <translation>重命名平面图</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Delete floor plan</source>
      <translation>删除平面图</translation>
    </message>
    <message>
      <source>Delete the floor plan “{name}” with its zones and markers?</source>
      <translation>删除平面图“{name}”及其中的风险区域和设备标记？</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Risk zone</source>
      <translation>风险区域</translation>
    </message>
    <message>
      <source>Area of this zone (its risk grade colours it)</source>
      <translation>此风险区域所属的区域（按该区域的风险等级着色）</translation>
    </message>
    <message>
      <source>Change area…</source>
      <translation>更改所属区域…</translation>
    </message>
    <message>
      <source>Edit shape (drag the corners, Esc when done)</source>
      <translation>编辑形状（拖动顶点，完成后按 Esc）</translation>
    </message>
    <message>
      <source>Delete zone</source>
      <translation>删除风险区域</translation>
    </message>
    <message>
      <source>Equipment card</source>
      <translation>设备卡片</translation>
    </message>
    <message>
      <source>Remove from the plan</source>
      <translation>从平面图上移除</translation>
    </message>
    <message>
      <source>No machine on this plan matches “{text}”.</source>
      <translation>此平面图上没有与“{text}”匹配的设备。</translation>
    </message>
    <message>
      <source>This machine is not on the plan yet.</source>
      <translation>这台设备还没有放到平面图上。</translation>
    </message>
    <message>
      <source>Map saved to {path}</source>
      <translation>四色图已保存到 {path}</translation>
    </message>
    <message>
      <source>Exporting the four-colour map…</source>
      <translation>正在导出安全风险四色分布图…</translation>
    </message>
  </context>
  <context>
    <name>RiskPointDialog</name>
    <message>
      <source>Edit risk point</source>
      <translation>编辑风险点</translation>
    </message>
    <message>
      <source>New risk point</source>
      <translation>新增风险点</translation>
    </message>
    <message>
      <source>Automatic (FX-001 …)</source>
      <translation>自动编号（FX-001 …）</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>e.g. 动火作业, 有限空间作业, 换模调模</source>
      <translation>例如：动火作业、有限空间作业、换模调模</translation>
    </message>
    <message>
      <source>What can go wrong here: moving parts, solvent vapour, live parts …</source>
      <translation>这里可能出什么问题：运动部件、溶剂蒸气、带电部位…</translation>
    </message>
    <message>
      <source>Add a GB 6441 category …</source>
      <translation>添加 GB 6441 事故类别…</translation>
    </message>
    <message>
      <source>(not set)</source>
      <translation>（未设置）</translation>
    </message>
    <message>
      <source>Review on</source>
      <translation>复评日期</translation>
    </message>
    <message>
      <source>One measure per line</source>
      <translation>每行一条措施</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Equipment</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Work activity</source>
      <translation>作业活动</translation>
    </message>
    <message>
      <source>Post</source>
      <translation>岗位</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Hazard factors</source>
      <translation>危险有害因素</translation>
    </message>
    <message>
      <source>Possible accidents</source>
      <translation>可能导致的事故</translation>
    </message>
    <message>
      <source>Control level</source>
      <translation>管控层级</translation>
    </message>
    <message>
      <source>Responsible department</source>
      <translation>责任部门</translation>
    </message>
    <message>
      <source>Responsible person</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Review date</source>
      <translation>复评日期</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
  </context>
  <context>
    <name>RiskTableModel</name>
    <message>
      <source>Click to sort by this column</source>
      <translation>点击按此列排序</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Risk point</source>
      <translation>风险点</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Equipment / activity</source>
      <translation>设备/作业活动</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>评估方法</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>分值</translation>
    </message>
    <message>
      <source>Risk grade</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>Control level</source>
      <translation>管控层级</translation>
    </message>
    <message>
      <source>Responsible</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Review date</source>
      <translation>复评日期</translation>
    </message>
    <message>
      <source>Review overdue</source>
      <translation>复评已逾期</translation>
    </message>
    <message>
      <source>Not assessed</source>
      <translation>未评估</translation>
    </message>
  </context>
  <context>
    <name>RisksPage</name>
    <message>
      <source>Search code, name, activity, hazard factors</source>
      <translation>搜索编号、名称、作业活动、危险有害因素</translation>
    </message>
    <message>
      <source>All grades</source>
      <translation>全部等级</translation>
    </message>
    <message>
      <source>Not assessed</source>
      <translation>未评估</translation>
    </message>
    <message>
      <source>All areas</source>
      <translation>全部区域</translation>
    </message>
    <message>
      <source>All types</source>
      <translation>全部类型</translation>
    </message>
    <message>
      <source>Show only risk points whose review date has passed</source>
      <translation>只显示复评日期已过的风险点</translation>
    </message>
    <message>
      <source>Risk register</source>
      <translation>风险分级管控清单</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Assess</source>
      <translation>评估</translation>
    </message>
    <message>
      <source>Grade the selected risk point by LEC or the risk matrix (or double-click a row)</source>
      <translation>用 LEC 法或风险矩阵法对所选风险点评估定级（也可双击该行）</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Export register</source>
      <translation>导出清单</translation>
    </message>
    <message>
      <source>The risk register (风险分级管控清单) as PDF or Excel</source>
      <translation>将风险分级管控清单导出为 PDF 或 Excel</translation>
    </message>
    <message>
      <source>Post risk cards</source>
      <translation>岗位风险告知卡</translation>
    </message>
    <message>
      <source>One risk notice card (岗位风险告知卡) per post, as PDF for printing</source>
      <translation>每个岗位生成一张岗位风险告知卡，导出为 PDF 供打印</translation>
    </message>
    <message>
      <source>{n} risk points</source>
      <translation>共 {n} 个风险点</translation>
    </message>
    <message>
      <source>Review overdue: {n}</source>
      <translation>复评逾期 {n}</translation>
    </message>
    <message>
      <source>Delete the risk point {code} {name}?</source>
      <translation>删除风险点 {code} {name}？</translation>
    </message>
    <message>
      <source>Its assessment history is kept; a machine's grade then follows its remaining risk points.</source>
      <translation>其评估记录仍会保留；相关设备的风险等级将按其余风险点重新确定。</translation>
    </message>
    <message>
      <source>Delete risk point</source>
      <translation>删除风险点</translation>
    </message>
    <message>
      <source>Deleted {code}.</source>
      <translation>已删除 {code}。</translation>
    </message>
    <message>
      <source>PDF (*.pdf);;Excel workbook (*.xlsx)</source>
      <translation>PDF (*.pdf);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Save as</source>
      <translation>另存为</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>已保存到 {path}</translation>
    </message>
    <message>
      <source>Writing {title} …</source>
      <translation>正在生成{title}…</translation>
    </message>
  </context>
  <context>
    <name>RolesDialog</name>
    <message>
      <source>Roles of {name}</source>
      <translation>{name} 的角色</translation>
    </message>
    <message>
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>角色</translation>
    </message>
  </context>
  <context>
    <name>RuleSettingsDialog</name>
    <message>
      <source>Warning rules</source>
      <translation>预警规则</translation>
    </message>
  </context>
  <context>
    <name>ScanDialog</name>
    <message>
      <source>Scan a label</source>
      <translation>扫码</translation>
    </message>
    <message>
      <source>Look for cameras again (after plugging one in)</source>
      <translation>重新查找摄像头（插入摄像头后）</translation>
    </message>
    <message>
      <source>{size} (recommended)</source>
      <translation>{size}（推荐）</translation>
    </message>
    <message>
      <source>Start camera</source>
      <translation>启动摄像头</translation>
    </message>
    <message>
      <source>Open photo…</source>
      <translation>打开图片…</translation>
    </message>
    <message>
      <source>Read the label from a photo file (taken with a phone, for example)</source>
      <translation>从图片文件读取标签（例如用手机拍的照片）</translation>
    </message>
    <message>
      <source>Handheld scanner: just scan a label anywhere in SafeDesk, this window need not be open. If nothing happens, switch the keyboard to English input.</source>
      <translation>扫码枪：在安全台的任何界面直接扫描标签即可，无需打开此窗口。如果没有反应，请将键盘切换到英文输入法。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Camera</source>
      <translation>摄像头</translation>
    </message>
    <message>
      <source>Resolution</source>
      <translation>分辨率</translation>
    </message>
    <message>
      <source>Looking for cameras…</source>
      <translation>正在查找摄像头…</translation>
    </message>
    <message>
      <source>No camera found. Plug in a USB camera and press ↻, open a photo of the label, or use a handheld scanner.</source>
      <translation>未找到摄像头。请插入 USB 摄像头后按 ↻，或打开标签的照片，或使用扫码枪。</translation>
    </message>
    <message>
      <source>Camera {n}</source>
      <translation>摄像头 {n}</translation>
    </message>
    <message>
      <source>The camera</source>
      <translation>摄像头</translation>
    </message>
    <message>
      <source>Camera stopped.</source>
      <translation>摄像头已停止。</translation>
    </message>
    <message>
      <source>Starting {camera}…</source>
      <translation>正在启动{camera}…</translation>
    </message>
    <message>
      <source>Stop camera</source>
      <translation>停止摄像头</translation>
    </message>
    <message>
      <source>Hold the label in front of the camera, 20–40 cm away.</source>
      <translation>请将标签放在摄像头前 20–40 厘米处。</translation>
    </message>
    <message>
      <source>{camera} could not be opened. It may be in use by another program (a video call?) or unplugged.</source>
      <translation>无法打开{camera}。它可能正被其他程序占用（视频通话？）或已拔出。</translation>
    </message>
    <message>
      <source>{camera} opened but sends no picture. Close other programs that use it (video calls) and press Start camera.</source>
      <translation>{camera}已打开，但没有画面。请关闭其他使用它的程序（如视频通话），然后按“启动摄像头”。</translation>
    </message>
    <message>
      <source>{camera} does not respond. Unplug it, plug it in again and press Start camera, or choose another camera.</source>
      <translation>{camera}没有响应。请拔下后重新插入，再按“启动摄像头”，或选择其他摄像头。</translation>
    </message>
    <message>
      <source>{camera} stopped sending pictures (unplugged?). Plug it in again and press Start camera.</source>
      <translation>{camera}不再传送画面（已拔出？）。请重新插入，再按“启动摄像头”。</translation>
    </message>
    <message>
      <source>{camera} failed. Press Start camera to try again, or choose another camera.</source>
      <translation>{camera}出错。请按“启动摄像头”重试，或选择其他摄像头。</translation>
    </message>
    <message>
      <source>Open a photo of the label</source>
      <translation>打开标签的照片</translation>
    </message>
    <message>
      <source>Photos (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;All files (*)</source>
      <translation>图片 (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Reading the photo…</source>
      <translation>正在读取图片…</translation>
    </message>
    <message>
      <source>No QR code found in this photo. Take it closer and sharper, with the whole label in the picture.</source>
      <translation>在这张图片中没有找到二维码。请靠近一点、拍清楚一些，并让整个标签都在画面里。</translation>
    </message>
    <message>
      <source>The photo shows {n} codes: choose one.</source>
      <translation>图片中有 {n} 个码：请选择一个。</translation>
    </message>
    <message>
      <source>This file cannot be read as a photo.</source>
      <translation>无法将此文件作为图片读取。</translation>
    </message>
    <message>
      <source>Read: {code}</source>
      <translation>已读取：{code}</translation>
    </message>
  </context>
  <context>
    <name>ScheduleDialog</name>
    <message>
      <source>Change schedule</source>
      <translation>修改点检计划</translation>
    </message>
    <message>
      <source>Add schedule</source>
      <translation>添加点检计划</translation>
    </message>
    <message>
      <source>Every machine of a type</source>
      <translation>某类型的全部设备</translation>
    </message>
    <message>
      <source>One machine</source>
      <translation>单台设备</translation>
    </message>
    <message>
      <source>Equipment code, e.g. YJ-CY-0012</source>
      <translation>设备编号，例如 YJ-CY-0012</translation>
    </message>
    <message>
      <source>Active (uncheck to pause the checks)</source>
      <translation>启用（取消勾选则暂停点检）</translation>
    </message>
    <message>
      <source>Applies to</source>
      <translation>适用范围</translation>
    </message>
    <message>
      <source>Frequency</source>
      <translation>点检频次</translation>
    </message>
    <message>
      <source>From</source>
      <translation>开始日期</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>There is no machine with the code “{code}”.</source>
      <translation>没有编号为“{code}”的设备。</translation>
    </message>
  </context>
  <context>
    <name>StructureDialog</name>
    <message>
      <source>Site</source>
      <translation>厂区</translation>
    </message>
    <message>
      <source>Building</source>
      <translation>建筑</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>产线</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Post</source>
      <translation>岗位</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Floors</source>
      <translation>层数</translation>
    </message>
    <message>
      <source>Run by department</source>
      <translation>责任部门</translation>
    </message>
    <message>
      <source>Part of department</source>
      <translation>上级部门</translation>
    </message>
    <message>
      <source>Risk level</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>Edit {kind}</source>
      <translation>编辑{kind}</translation>
    </message>
    <message>
      <source>Add {kind}</source>
      <translation>新增{kind}</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Not given</source>
      <translation>未填写</translation>
    </message>
  </context>
  <context>
    <name>StructurePage</name>
    <message>
      <source>Sites, buildings, areas and lines</source>
      <translation>厂区、建筑、区域与产线</translation>
    </message>
    <message>
      <source>Departments and posts</source>
      <translation>部门与岗位</translation>
    </message>
    <message>
      <source>Plant structure</source>
      <translation>组织与区域</translation>
    </message>
    <message>
      <source>{kind}…</source>
      <translation>{kind}…</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>新增</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>{n} floors</source>
      <translation>{n} 层</translation>
    </message>
    <message>
      <source>Run by {dept}</source>
      <translation>责任部门：{dept}</translation>
    </message>
    <message>
      <source>Risk level</source>
      <translation>风险等级</translation>
    </message>
    <message>
      <source>Posts without a department</source>
      <translation>未归属部门的岗位</translation>
    </message>
    <message>
      <source>Remove the {kind} “{name}”?</source>
      <translation>删除{kind}“{name}”？</translation>
    </message>
    <message>
      <source>Removed “{name}”.</source>
      <translation>已删除“{name}”。</translation>
    </message>
  </context>
  <context>
    <name>SyncController</name>
    <message>
      <source>S&amp;ync</source>
      <translation>同步(&amp;Y)</translation>
    </message>
    <message>
      <source>Sync now</source>
      <translation>立即同步</translation>
    </message>
    <message>
      <source>Enrol this PC…</source>
      <translation>注册本机…</translation>
    </message>
    <message>
      <source>Sync conflicts</source>
      <translation>同步冲突</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>正在同步…</translation>
    </message>
    <message>
      <source>Sync problem: {error}</source>
      <translation>同步出错：{error}</translation>
    </message>
    <message>
      <source>Sync: not set up</source>
      <translation>同步：未设置</translation>
    </message>
    <message>
      <source>Sync ▸ Enrol this PC… connects it to the central store.</source>
      <translation>通过“同步 ▸ 注册本机…”将本机连接到中心服务器。</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>Synced {time} · {pending} pending</source>
      <translation>上次同步：{time} · {pending} 条待同步</translation>
    </message>
    <message>
      <source> · {n} conflicts</source>
      <translation> · {n} 个冲突</translation>
    </message>
    <message>
      <source>Sync problem · {pending} pending</source>
      <translation>同步出错 · {pending} 条待同步</translation>
    </message>
  </context>
  <context>
    <name>UsersModel</name>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Display name</source>
      <translation>显示名称</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Linked person</source>
      <translation>关联人员</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>, locked</source>
      <translation>，已锁定</translation>
    </message>
  </context>
  <context>
    <name>UsersPage</name>
    <message>
      <source>Add user…</source>
      <translation>新增用户…</translation>
    </message>
    <message>
      <source>Change roles…</source>
      <translation>修改角色…</translation>
    </message>
    <message>
      <source>Reset password…</source>
      <translation>重置密码…</translation>
    </message>
    <message>
      <source>Disable</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>Unlock</source>
      <translation>解锁</translation>
    </message>
    <message>
      <source>You do not have permission to manage users.</source>
      <translation>您没有管理用户的权限。</translation>
    </message>
    <message>
      <source>Users</source>
      <translation>用户与权限</translation>
    </message>
    <message>
      <source>Enable</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>The password of {name} was reset.</source>
      <translation>已重置 {name} 的密码。</translation>
    </message>
    <message>
      <source>Disable {name}? They can no longer log in; their records stay.</source>
      <translation>停用 {name}？停用后无法登录，其记录仍保留。</translation>
    </message>
    <message>
      <source>Disable user</source>
      <translation>停用用户</translation>
    </message>
    <message>
      <source>{name} can log in again.</source>
      <translation>{name} 已解锁，可以重新登录。</translation>
    </message>
  </context>
  <context>
    <name>VerifyDialog</name>
    <message>
      <source>Check a report</source>
      <translation>核实随手拍</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>Accept: it is a real hazard</source>
      <translation>采纳：确属安全隐患</translation>
    </message>
    <message>
      <source>Not accepted: not a safety hazard</source>
      <translation>不采纳：不属于安全隐患</translation>
    </message>
    <message>
      <source>Duplicate: already reported</source>
      <translation>重复：已有人上报过</translation>
    </message>
    <message>
      <source>Accept report</source>
      <translation>采纳</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>No reward</source>
      <translation>不奖励</translation>
    </message>
    <message>
      <source>Optional, e.g. good catch</source>
      <translation>可不填，例如：发现及时</translation>
    </message>
    <message>
      <source>Reward</source>
      <translation>奖励</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Why it is not accepted (the reporter is told), e.g. not a safety hazard; already fixed</source>
      <translation>不采纳的原因（会告知报告人），例如：不属于安全隐患；已经整改</translation>
    </message>
    <message>
      <source>Reason *</source>
      <translation>原因 *</translation>
    </message>
    <message>
      <source>Search by hazard number or description</source>
      <translation>按隐患编号或描述搜索</translation>
    </message>
    <message>
      <source>Which hazard does it repeat?</source>
      <translation>与哪条隐患重复？</translation>
    </message>
    <message>
      <source>Turn down</source>
      <translation>不采纳</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>合并</translation>
    </message>
    <message>
      <source>The reporter earns {points} safety points; the hazard then waits to be dispatched.</source>
      <translation>报告人将获得 {points} 分安全积分；该隐患随后进入“待派发”。</translation>
    </message>
    <message>
      <source>Reported by</source>
      <translation>报告人</translation>
    </message>
    <message>
      <source>Found</source>
      <translation>发现时间</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Equipment</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>隐患类型</translation>
    </message>
    <message>
      <source>Only the safety office checks reports.</source>
      <translation>只有安全科可以核实随手拍。</translation>
    </message>
    <message>
      <source>This report has already been handled ({step}).</source>
      <translation>这条上报已经处理过了（{step}）。</translation>
    </message>
    <message>
      <source>No hazard matches.</source>
      <translation>没有匹配的隐患。</translation>
    </message>
    <message>
      <source>Showing the newest {n}; type more to narrow it down.</source>
      <translation>只显示最新的 {n} 条；请多输入几个字缩小范围。</translation>
    </message>
    <message>
      <source>Please give the reason; the reporter will be told.</source>
      <translation>请填写原因，会告知报告人。</translation>
    </message>
    <message>
      <source>Choose the hazard this report repeats.</source>
      <translation>请选择与这条上报重复的隐患。</translation>
    </message>
  </context>
  <context>
    <name>WarningTableModel</name>
    <message>
      <source>Level</source>
      <translation>级别</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>预警</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Raised</source>
      <translation>首次发出</translation>
    </message>
  </context>
  <context>
    <name>WarningsPage</name>
    <message>
      <source>Active warnings</source>
      <translation>未关闭的预警</translation>
    </message>
    <message>
      <source>All, including closed</source>
      <translation>全部（含已关闭）</translation>
    </message>
    <message>
      <source>Run rules now</source>
      <translation>立即运行规则</translation>
    </message>
    <message>
      <source>Rule settings…</source>
      <translation>规则设置…</translation>
    </message>
    <message>
      <source>Acknowledge</source>
      <translation>确认</translation>
    </message>
    <message>
      <source>Link hazard…</source>
      <translation>关联隐患…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Reopen</source>
      <translation>重新打开</translation>
    </message>
    <message>
      <source>Double-click a hazard to open it</source>
      <translation>双击隐患可打开查看</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>依据</translation>
    </message>
    <message>
      <source>History</source>
      <translation>处理记录</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>预警</translation>
    </message>
    <message>
      <source>{n} active</source>
      <translation>{n} 条未关闭</translation>
    </message>
    <message>
      <source>No warning selected.</source>
      <translation>未选择预警。</translation>
    </message>
    <message>
      <source>Rule “{rule}”: </source>
      <translation>规则“{rule}”：</translation>
    </message>
    <message>
      <source>Action: </source>
      <translation>处置：</translation>
    </message>
    <message>
      <source>Evidence: {n} MES alarms in a row</source>
      <translation>依据：MES 连续报警 {n} 次</translation>
    </message>
    <message>
      <source>Evidence (hazards: {n})</source>
      <translation>依据（隐患 {n} 条）</translation>
    </message>
    <message>
      <source>State: {state}</source>
      <translation>状态：{state}</translation>
    </message>
    <message>
      <source> (by {who}, {when})</source>
      <translation>（操作人 {who}，{when}）</translation>
    </message>
    <message>
      <source>Close warning</source>
      <translation>关闭预警</translation>
    </message>
    <message>
      <source>Why is it closed? (optional)</source>
      <translation>关闭原因（可不填）</translation>
    </message>
    <message>
      <source>Link hazard</source>
      <translation>关联隐患</translation>
    </message>
    <message>
      <source>The hazard (number) that deals with this warning:</source>
      <translation>处置此预警的隐患（编号）：</translation>
    </message>
    <message>
      <source>Rules run: {new} new, {refreshed} updated, {active} active.</source>
      <translation>规则已运行：新增 {new} 条，更新 {refreshed} 条，未关闭 {active} 条。</translation>
    </message>
    <message>
      <source>Running the warning rules…</source>
      <translation>正在运行预警规则…</translation>
    </message>
  </context>
  <context>
    <name>_AccountDialog</name>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>At least {n} characters</source>
      <translation>至少 {n} 个字符</translation>
    </message>
    <message>
      <source>Password *</source>
      <translation>密码 *</translation>
    </message>
    <message>
      <source>Password again *</source>
      <translation>确认密码 *</translation>
    </message>
    <message>
      <source>The two passwords differ; please type them again.</source>
      <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
      <source>No person has the employee no. “{no}”.</source>
      <translation>没有工号为“{no}”的人员。</translation>
    </message>
  </context>
  <context>
    <name>_FormDialog</name>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>_RecordDialog</name>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <source>SafeDesk</source>
      <translation>安全台</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <source>SafeDesk</source>
      <translation>安全台</translation>
    </message>
    <message>
      <source>SafeDesk — unexpected error</source>
      <translation>安全台 — 意外错误</translation>
    </message>
    <message>
      <source>Something went wrong. Your saved data is safe.
Please send the log file to your IT contact:
{path}</source>
      <translation>程序出现了问题，已保存的数据不受影响。
请把日志文件发送给负责电脑的同事：
{path}</translation>
    </message>
  </context>
  <context>
    <name>parent</name>
    <message>
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
  </context>
</TS>