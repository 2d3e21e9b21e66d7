<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>EquipmentCardDialog</name>
    <message>
      <source>Equipment card</source>
      <translation>设备卡片</translation>
    </message>
    <message>
      <source>Open hazards</source>
      <translation>未整改隐患</translation>
    </message>
    <message>
      <source>Hazards reported on this machine and not yet rectified will be listed here once the hazard rectification module is installed.</source>
      <translation>安装隐患整改模块后，这里将列出本设备已上报但尚未整改的隐患。</translation>
    </message>
    <message>
      <source>Inspection checklist</source>
      <translation>点检表</translation>
    </message>
    <message>
      <source>The checklist for this type of machine (guards, emergency stop …) comes with the inspections module.</source>
      <translation>此类设备的点检表（防护罩、急停按钮等）将随巡检模块提供。</translation>
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
      <source>The two passwords are different. Please type the password again.</source>
      <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
      <source>Creating…</source>
      <translation>正在创建…</translation>
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
    <name>ImportDialog</name>
    <message>
      <source>Import people from Excel</source>
      <translation>从 Excel 导入人员</translation>
    </message>
    <message>
      <source>Choose an .xlsx file with one person per row</source>
      <translation>选择 .xlsx 文件（每行一人）</translation>
    </message>
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
      <source>Update people whose employee no. exists</source>
      <translation>更新已有工号的人员</translation>
    </message>
    <message>
      <source>Skip people whose employee no. exists</source>
      <translation>跳过已有工号的人员</translation>
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
      <source>Read {n} rows…</source>
      <translation>已读取 {n} 行…</translation>
    </message>
    <message>
      <source>Reading the file…</source>
      <translation>正在读取文件…</translation>
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
      <source>Choose a file. The first row that names the columns (工号, 姓名, 部门 …) is taken as the header; download the template from the People page for a clean start.</source>
      <translation>请选择文件。第一行写有列名（工号、姓名、部门……）的行将作为表头；也可以在“人员”页面下载导入模板后再填写。</translation>
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
      <source>No problems found: {n} people can be imported.</source>
      <translation>没有发现问题：可以导入 {n} 人。</translation>
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
      <source>Importing {n} people…</source>
      <translation>正在导入 {n} 人…</translation>
    </message>
    <message>
      <source>Imported: {created} added, {updated} updated, {skipped} skipped.</source>
      <translation>导入完成：新增 {created} 人，更新 {updated} 人，跳过 {skipped} 人。</translation>
    </message>
    <message>
      <source>Nothing was imported.</source>
      <translation>没有导入任何数据。</translation>
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
      <source>Your account has no pages to show. Ask an administrator to give you a role.</source>
      <translation>您的账号目前没有可用的页面，请联系管理员为您分配角色。</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
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
</TS>