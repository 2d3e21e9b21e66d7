<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
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