<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ErrorsModel</name>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="230"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="230"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="230"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="230"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <location filename="../../desktop/dialogs/feedback.py" line="96"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="261"/>
        <source>Import people from Excel</source>
        <translation>从 Excel 导入人员</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="266"/>
        <source>Choose an .xlsx file with one person per row</source>
        <translation>选择 .xlsx 文件（每行一人）</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="267"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="274"/>
        <source>Columns not recognised</source>
        <translation>未识别的列</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="275"/>
        <source>Say which field each of these columns holds; columns left at “Do not import” are ignored.</source>
        <translation>请为下列各列选择对应的字段；保持“不导入”的列将被忽略。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="295"/>
        <location filename="../../desktop/dialogs/import_dialog.py" line="473"/>
        <source>Problems to fix in the file</source>
        <translation>文件中需要修改的问题</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="305"/>
        <source>Update people whose employee no. exists</source>
        <translation>更新已有工号的人员</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="307"/>
        <source>Skip people whose employee no. exists</source>
        <translation>跳过已有工号的人员</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="312"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="316"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="320"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="353"/>
        <source>Choose an Excel file</source>
        <translation>选择 Excel 文件</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="353"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="370"/>
        <source>Read {n} rows…</source>
        <translation>已读取 {n} 行…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="373"/>
        <location filename="../../desktop/dialogs/import_dialog.py" line="388"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="443"/>
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="450"/>
        <source>“{header}” is</source>
        <translation>「{header}」对应</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="470"/>
        <source>Choose a file. The first row that names the columns (工号, 姓名, 部门 …) is taken as the header; download the template from the People page for a clean start.</source>
        <translation>请选择文件。第一行写有列名（工号、姓名、部门……）的行将作为表头；也可以在“人员”页面下载导入模板后再填写。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="478"/>
        <source>Header found in row {header}. {rows} data rows: {good} ready to import, {bad} with problems.</source>
        <translation>表头在第 {header} 行。共 {rows} 行数据：{good} 行可以导入，{bad} 行有问题。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="482"/>
        <source>The template&apos;s example row is skipped.</source>
        <translation>模板中的示例行已跳过。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="484"/>
        <source>The table shows the first {n} rows; every problem is listed below.</source>
        <translation>表格只显示前 {n} 行；所有问题都列在下方。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="489"/>
        <source>Problems to fix in the file ({n})</source>
        <translation>文件中需要修改的问题（{n} 个）</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="494"/>
        <source>No problems found: {n} people can be imported.</source>
        <translation>没有发现问题：可以导入 {n} 人。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="497"/>
        <source>The file has no rows to import.</source>
        <translation>文件中没有可导入的数据行。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="500"/>
        <source>Nothing is imported until every problem is fixed. Correct the file in Excel, save it, and choose it again.</source>
        <translation>所有问题改正之前不会导入任何数据。请在 Excel 中修改并保存文件，然后重新选择该文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="522"/>
        <source>Importing {n} people…</source>
        <translation>正在导入 {n} 人…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="530"/>
        <source>Imported: {created} added, {updated} updated, {skipped} skipped.</source>
        <translation>导入完成：新增 {created} 人，更新 {updated} 人，跳过 {skipped} 人。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="540"/>
        <source>Nothing was imported.</source>
        <translation>没有导入任何数据。</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../desktop/dialogs/feedback.py" line="48"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="137"/>
        <source>Add user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="143"/>
        <source>User name *</source>
        <translation>用户名 *</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="144"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="145"/>
        <source>Roles *</source>
        <translation>角色 *</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="148"/>
        <source>Optional: the user&apos;s employee no.</source>
        <translation>可选：该用户的工号</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="149"/>
        <source>Linked person</source>
        <translation>关联人员</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="196"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="197"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../desktop/pages/people.py" line="73"/>
        <source>Search name, employee no. or phone</source>
        <translation>搜索姓名、工号或电话</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="77"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="79"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="89"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="91"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="125"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="134"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="136"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="137"/>
        <location filename="../../desktop/pages/people.py" line="264"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="141"/>
        <source>Import Excel…</source>
        <translation>导入 Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="143"/>
        <source>Download template</source>
        <translation>下载模板</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="202"/>
        <source>{n} people</source>
        <translation>共 {n} 人</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="258"/>
        <source>Delete {name} ({no}) from the roster?</source>
        <translation>从花名册中删除 {name}（{no}）？</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="261"/>
        <source>Delete the {n} selected people from the roster?</source>
        <translation>从花名册中删除选中的 {n} 人？</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="263"/>
        <source>Their past records (training, inspections) are kept.</source>
        <translation>其历史记录（培训、检查等）仍会保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="264"/>
        <source>Delete people</source>
        <translation>删除人员</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="277"/>
        <source>Deleted {n} people.</source>
        <translation>已删除 {n} 人。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="294"/>
        <source>people-import-template.xlsx</source>
        <translation>人员导入模板.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="296"/>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="297"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/people.py" line="308"/>
        <source>Template saved to {path}</source>
        <translation>模板已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>PeopleTableModel</name>
    <message>
        <location filename="../../desktop/models/people_model.py" line="150"/>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../desktop/models/people_model.py" line="151"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/models/people_model.py" line="152"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../desktop/models/people_model.py" line="153"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../desktop/models/people_model.py" line="154"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../desktop/models/people_model.py" line="155"/>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <location filename="../../desktop/models/people_model.py" line="156"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/models/people_model.py" line="157"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/models/people_model.py" line="175"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../desktop/models/people_model.py" line="175"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="48"/>
        <source>Edit person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="48"/>
        <source>Add person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="56"/>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="57"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="58"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="60"/>
        <location filename="../../desktop/dialogs/person_dialog.py" line="138"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="68"/>
        <source>Unknown</source>
        <translation>不详</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="71"/>
        <source>11-digit mobile or landline</source>
        <translation>11 位手机号或座机号</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="83"/>
        <source>Employee no. *</source>
        <translation>工号 *</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="84"/>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="85"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="86"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="87"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="88"/>
        <source>Hire date</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="89"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="90"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="93"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/person_dialog.py" line="95"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="193"/>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/import_dialog.py" line="194"/>
        <source>Imported as “{field}”</source>
        <translation>导入为“{field}”</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="176"/>
        <source>Roles of {name}</source>
        <translation>{name} 的角色</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="177"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="179"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>StructureDialog</name>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="62"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="63"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="43"/>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="64"/>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="78"/>
        <source>Site</source>
        <translation>厂区</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="46"/>
        <source>Line</source>
        <translation>产线</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="48"/>
        <source>Post</source>
        <translation>岗位</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="66"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="69"/>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="107"/>
        <source>Edit {kind}</source>
        <translation>编辑{kind}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="107"/>
        <source>Add {kind}</source>
        <translation>新增{kind}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="121"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="123"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="144"/>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="172"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="159"/>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="44"/>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="71"/>
        <source>Building</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="73"/>
        <source>Run by department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="45"/>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="76"/>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="80"/>
        <source>Part of department</source>
        <translation>上级部门</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="47"/>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="83"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/structure_dialog.py" line="86"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
</context>
<context>
    <name>StructurePage</name>
    <message>
        <location filename="../../desktop/pages/structure.py" line="112"/>
        <source>Sites, buildings, areas and lines</source>
        <translation>厂区、建筑、区域与产线</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="114"/>
        <source>Departments and posts</source>
        <translation>部门与岗位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="127"/>
        <source>Plant structure</source>
        <translation>组织与区域</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="148"/>
        <source>{kind}…</source>
        <translation>{kind}…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="152"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="156"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="158"/>
        <location filename="../../desktop/pages/structure.py" line="337"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="213"/>
        <location filename="../../desktop/pages/structure.py" line="243"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="213"/>
        <location filename="../../desktop/pages/structure.py" line="243"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="213"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="225"/>
        <source>{n} floors</source>
        <translation>{n} 层</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="231"/>
        <source>Run by {dept}</source>
        <translation>责任部门：{dept}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="244"/>
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="266"/>
        <source>Posts without a department</source>
        <translation>未归属部门的岗位</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="335"/>
        <source>Remove the {kind} “{name}”?</source>
        <translation>删除{kind}“{name}”？</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/structure.py" line="344"/>
        <source>Removed “{name}”.</source>
        <translation>已删除“{name}”。</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../desktop/pages/users.py" line="67"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="67"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="67"/>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="68"/>
        <source>Linked person</source>
        <translation>关联人员</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="68"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="94"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="94"/>
        <source>Disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="95"/>
        <source>, locked</source>
        <translation>，已锁定</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../desktop/pages/users.py" line="123"/>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="124"/>
        <source>Change roles…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="125"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="126"/>
        <location filename="../../desktop/pages/users.py" line="203"/>
        <location filename="../../desktop/pages/users.py" line="235"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="127"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="136"/>
        <source>You do not have permission to manage users.</source>
        <translation>您没有管理用户的权限。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="150"/>
        <source>Users</source>
        <translation>用户与权限</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="203"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="224"/>
        <source>The password of {name} was reset.</source>
        <translation>已重置 {name} 的密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="233"/>
        <source>Disable {name}? They can no longer log in; their records stay.</source>
        <translation>停用 {name}？停用后无法登录，其记录仍保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="234"/>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/users.py" line="253"/>
        <source>{name} can log in again.</source>
        <translation>{name} 已解锁，可以重新登录。</translation>
    </message>
</context>
<context>
    <name>_AccountDialog</name>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="78"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="80"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="96"/>
        <source>At least {n} characters</source>
        <translation>至少 {n} 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="99"/>
        <source>Password *</source>
        <translation>密码 *</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="100"/>
        <source>Password again *</source>
        <translation>确认密码 *</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="105"/>
        <source>The two passwords differ; please type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/user_dialog.py" line="126"/>
        <source>No person has the employee no. “{no}”.</source>
        <translation>没有工号为“{no}”的人员。</translation>
    </message>
</context>
</TS>
