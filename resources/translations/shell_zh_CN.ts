<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../desktop/errors.py" line="28" />
        <source>SafeDesk</source>
        <translation>安全台</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="38" />
        <source>SafeDesk — unexpected error</source>
        <translation>安全台 — 意外错误</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="40" />
        <source>Something went wrong. Your saved data is safe.
Please send the log file to your IT contact:
{path}</source>
        <translation>程序出现了问题，已保存的数据不受影响。
请把日志文件发送给负责电脑的同事：
{path}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop/errors.py" line="28" />
        <source>SafeDesk</source>
        <translation>安全台</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="38" />
        <source>SafeDesk — unexpected error</source>
        <translation>安全台 — 意外错误</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="40" />
        <source>Something went wrong. Your saved data is safe.
Please send the log file to your IT contact:
{path}</source>
        <translation>程序出现了问题，已保存的数据不受影响。
请把日志文件发送给负责电脑的同事：
{path}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="45" />
        <location filename="../../desktop/dialogs/first_run.py" line="171" />
        <source>Welcome to SafeDesk</source>
        <translation>欢迎使用安全台</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="75" />
        <location filename="../../desktop/dialogs/first_run.py" line="173" />
        <source>Create a new plant</source>
        <translation>新建工厂</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="76" />
        <source>Start with an empty plant: give it a name, its first site and the administrator account.</source>
        <translation>从空白工厂开始：填写厂名、第一个厂区和管理员账号。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="80" />
        <source>Open the demo plant</source>
        <translation>打开演示工厂</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="81" />
        <source>Try SafeDesk on a made-up plant with sample people, areas and users. Keep your real plant in a separate data folder.</source>
        <translation>用一个虚构的工厂（含示例人员、区域和账号）试用安全台。正式工厂请使用另一个数据文件夹。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="89" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="103" />
        <source>for example A1</source>
        <translation>例如 A1</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="105" />
        <source>for example Main site</source>
        <translation>例如 一厂区</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="108" />
        <source>the name shown in the window, optional</source>
        <translation>在窗口中显示的姓名，可不填</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="112" />
        <source>at least {n} characters</source>
        <translation>至少 {n} 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="117" />
        <source>Plant name</source>
        <translation>厂名</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="118" />
        <source>Site code</source>
        <translation>厂区编号</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="119" />
        <source>Site name</source>
        <translation>厂区名称</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="120" />
        <source>Administrator user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="121" />
        <location filename="../../desktop/dialogs/first_run.py" line="153" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="122" />
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="126" />
        <source>Display name</source>
        <translation>显示姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="133" />
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="136" />
        <location filename="../../desktop/dialogs/first_run.py" line="223" />
        <source>Create plant</source>
        <translation>创建工厂</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="151" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="157" />
        <source>Other demo accounts, such as “clerk” (a safety clerk), use the same password.</source>
        <translation>其他演示账号（例如安全员“clerk”）使用相同的密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="163" />
        <source>Continue to log in</source>
        <translation>继续登录</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="172" />
        <source>This data folder is empty. How would you like to start?</source>
        <translation>这个数据文件夹是空的。您想怎样开始？</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="174" />
        <source>You can add more sites, buildings and departments later. Keep the administrator password somewhere safe.</source>
        <translation>以后可以继续添加厂区、楼栋和部门。请妥善保管管理员密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="176" />
        <source>The demo plant is ready</source>
        <translation>演示工厂已准备好</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="177" />
        <source>Log in with this account:</source>
        <translation>请用以下账号登录：</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="202" />
        <source>The two passwords are different. Please type the password again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="210" />
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="243" />
        <source>Creating sites, buildings and departments…</source>
        <translation>正在创建厂区、楼栋和部门…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="244" />
        <source>Adding people…</source>
        <translation>正在添加人员…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="245" />
        <source>Creating the demo accounts…</source>
        <translation>正在创建演示账号…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="246" />
        <source>Finishing…</source>
        <translation>即将完成…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="257" />
        <source>Loading the demo plant…</source>
        <translation>正在加载演示工厂…</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="267" />
        <source>Demo plant: user name {user}, password {password}</source>
        <translation>演示工厂：用户名 {user}，密码 {password}</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/first_run.py" line="276" />
        <source>This data folder already holds data, so the demo plant cannot be loaded into it.</source>
        <translation>这个数据文件夹中已有数据，不能在这里加载演示工厂。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/dialogs/login.py" line="35" />
        <source>Log in — SafeDesk</source>
        <translation>登录 — 安全台</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login.py" line="48" />
        <source>Please log in to continue.</source>
        <translation>请登录后继续。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login.py" line="64" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login.py" line="65" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login.py" line="77" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login.py" line="80" />
        <location filename="../../desktop/dialogs/login.py" line="137" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login.py" line="98" />
        <source>Please enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login.py" line="101" />
        <source>Please enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../desktop/dialogs/login.py" line="137" />
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="125" />
        <source>Your account has no pages to show. Ask an administrator to give you a role.</source>
        <translation>您的账号目前没有可用的页面，请联系管理员为您分配角色。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="141" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="142" />
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="144" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="148" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="149" />
        <location filename="../../desktop/main_window.py" line="246" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="160" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="161" />
        <location filename="../../desktop/main_window.py" line="254" />
        <source>About SafeDesk</source>
        <translation>关于安全台</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="162" />
        <location filename="../../desktop/main_window.py" line="236" />
        <source>Open log file</source>
        <translation>打开日志文件</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="167" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="170" />
        <source>User: {name} ({roles})</source>
        <translation>用户：{name}（{roles}）</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="174" />
        <source>Plant: {name}</source>
        <translation>工厂：{name}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="176" />
        <source>Data folder: {path}</source>
        <translation>数据文件夹：{path}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="237" />
        <source>There is no log file yet.</source>
        <translation>目前还没有日志文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="247" />
        <source>The new language applies after SafeDesk restarts.</source>
        <translation>新的语言将在重新启动安全台后生效。</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="250" />
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="251" />
        <source>Safety office software for the plant. It works offline and keeps all its data in the data folder.</source>
        <translation>工厂安全管理办公软件。无需联网即可使用，所有数据都保存在数据文件夹中。</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <location filename="../../desktop/tasks.py" line="137" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../desktop/app.py" line="208" />
        <source>SafeDesk</source>
        <translation>安全台</translation>
    </message>
</context>
</TS>
