<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>License Consolidator for Atlassian</source>
        <translation>授权归集助手</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Gathers Atlassian licenses bought from several accounts under one account.</source>
        <translation>把用多个账户购买的 Atlassian 授权归集到一个账户下统一管理。</translation>
    </message>
    <message>
        <source>Passwords are kept only in the system keyring; license keys are masked until you ask to see them.</source>
        <translation>密码只保存在系统钥匙串中；授权码默认隐藏，需要时才显示。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>AccountActions</name>
    <message>
        <source>Password kept for this session only</source>
        <translation>密码仅在本次使用期间保留</translation>
    </message>
    <message>
        <source>This computer has no working password store (keyring), so the password is not saved. It is kept until you close the app.</source>
        <translation>这台电脑没有可用的密码库（钥匙串），因此不会保存密码。密码会保留到您关闭本程序为止。</translation>
    </message>
    <message>
        <source>The demo data is shown.</source>
        <translation>已显示演示数据。</translation>
    </message>
    <message>
        <source>This can be changed after the run.</source>
        <translation>本次操作结束后可以更改此项。</translation>
    </message>
    <message>
        <source>The system&apos;s password store (keyring) did not keep the password: it could not be read back after saving. It is kept until you close the app, and you will be asked for it next time.</source>
        <translation>系统的密码库（钥匙串）没有保存住密码：保存后无法读回。密码会保留到您关闭本程序为止，下次启动时会再次询问。</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>移除账户</translation>
    </message>
    <message>
        <source>Remove %1 from this app? Its saved password is deleted too. The licenses themselves are not changed.</source>
        <translation>要从本程序中移除 %1 吗？其保存的密码也会一并删除。授权本身不会有任何改动。</translation>
    </message>
    <message numerus="yes">
        <source>Read %n license(s) from the pasted text.</source>
        <translation>
            <numerusform>已从粘贴的文本中读取 %n 个授权。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s): %1</source>
        <translation>
            <numerusform>%n 条提示：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountsPanel</name>
    <message>
        <source>On the demo data</source>
        <translation>使用演示数据</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>修正…</translation>
    </message>
    <message>
        <source>Check the address and sign in again</source>
        <translation>检查地址并重新登录</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>重新登录…</translation>
    </message>
    <message>
        <source>Sign in to this account again</source>
        <translation>重新登录此账户</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>Needs password</source>
        <translation>需要密码</translation>
    </message>
    <message>
        <source>Offline paste (read-only)</source>
        <translation>离线粘贴（只读）</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>Signed in in the browser</source>
        <translation>已在浏览器中登录</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <source>%1 · licenses: %2</source>
        <translation>%1 · 授权：%2</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Sign in to My Atlassian or a license portal</source>
        <translation>登录 My Atlassian 或授权门户</translation>
    </message>
    <message>
        <source>Import pasted text</source>
        <translation>导入粘贴的文本</translation>
    </message>
    <message>
        <source>Read licenses from text copied from My Atlassian (offline, read-only)</source>
        <translation>从 My Atlassian 复制的文本中读取授权（离线、只读）</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>移除账户</translation>
    </message>
    <message>
        <source>Remove the selected account and its saved password</source>
        <translation>移除所选账户及其保存的密码</translation>
    </message>
    <message>
        <source>Sign out of My Atlassian</source>
        <translation>退出 My Atlassian 登录</translation>
    </message>
    <message>
        <source>Check the My Atlassian page</source>
        <translation>检查 My Atlassian 页面</translation>
    </message>
    <message>
        <source>Look for every part of the page the app needs, without changing anything</source>
        <translation>查找程序需要的每个页面部分，不做任何更改</translation>
    </message>
    <message>
        <source>End this account&apos;s sign-in in the app and delete what Stay signed in kept on this computer</source>
        <translation>结束此账户在本应用中的登录，并删除“在这台电脑上保持登录”在本机保留的数据</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <source>Enter a valid email address, e.g. zhang.wei@huake.example.</source>
        <translation>请输入有效的邮箱地址，例如 zhang.wei@huake.example。</translation>
    </message>
    <message>
        <source>Enter the password of this account.</source>
        <translation>请输入此账户的密码。</translation>
    </message>
    <message>
        <source>Enter the portal&apos;s address, for example %1.</source>
        <translation>请输入门户地址，例如 %1。</translation>
    </message>
    <message>
        <source>The address must start with https://. Did you mean %1?</source>
        <translation>地址必须以 https:// 开头。您是否要输入 %1？</translation>
    </message>
    <message>
        <source>The app signs in at the address below. If IT gave you a new address, correct it here.</source>
        <translation>本程序在下面的地址登录。如果 IT 部门给了您新地址，请在这里改正。</translation>
    </message>
    <message>
        <source>This account is on the built-in demo data (password: demo).</source>
        <translation>此账户属于内置的演示数据（密码：demo）。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>For licenses bought from Atlassian. “Open My Atlassian…” opens a browser window inside the app, where you sign in as you always do on my.atlassian.com. The app never sees your password.</source>
        <translation>适用于从 Atlassian 购买的授权。点击“打开 My Atlassian…”会在本程序内打开一个浏览器窗口，您像平时在 my.atlassian.com 上一样登录即可。本程序不会看到您的密码。</translation>
    </message>
    <message>
        <source>Open My Atlassian…</source>
        <translation>打开 My Atlassian…</translation>
    </message>
    <message>
        <source>For IT: a license portal that speaks this app&apos;s interface, at its own address (for example %1). Ask IT for the address if you do not have it; for licenses on my.atlassian.com choose My Atlassian instead.</source>
        <translation>供 IT 人员使用：支持本程序接口的授权门户，有自己的地址（例如 %1）。如果您没有地址，请向 IT 部门索取；my.atlassian.com 上的授权请改选 My Atlassian。</translation>
    </message>
    <message>
        <source>Made-up licenses of four fictional people, built into the app, to try it safely. Nothing is sent anywhere and no real license is changed.</source>
        <translation>程序内置的四位虚构人员的示例授权，可放心试用。不会向任何地方发送数据，也不会更改任何真实授权。</translation>
    </message>
    <message>
        <source>Show demo data</source>
        <translation>显示演示数据</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Where are the licenses you want to manage?</source>
        <translation>您要管理的授权在哪里？</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <source>Sign in again as %1.</source>
        <translation>以 %1 重新登录。</translation>
    </message>
    <message>
        <source>My Atlassian (my.atlassian.com)</source>
        <translation>My Atlassian（my.atlassian.com）</translation>
    </message>
    <message>
        <source>A license portal at an address (set up by IT)</source>
        <translation>指定地址的授权门户（由 IT 部门设置）</translation>
    </message>
    <message>
        <source>Demo data (made-up licenses, to try the app)</source>
        <translation>演示数据（示例授权，用于试用本程序）</translation>
    </message>
    <message>
        <source>&amp;Sign in to:</source>
        <translation>登录到(&amp;S)：</translation>
    </message>
    <message>
        <source>Where to sign in</source>
        <translation>登录到哪里</translation>
    </message>
    <message>
        <source>&amp;Changes:</source>
        <translation>更改方式(&amp;C)：</translation>
    </message>
    <message>
        <source>The app clicks in the page for me (assisted)</source>
        <translation>由本程序在网页中代我点击（辅助）</translation>
    </message>
    <message>
        <source>The app shows me what to click (guided)</source>
        <translation>由本程序告诉我点击哪里（引导）</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>地址(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Leave empty to keep the saved password</source>
        <translation>留空则沿用已保存的密码</translation>
    </message>
    <message>
        <source>&amp;Remember password (in the system&apos;s keyring)</source>
        <translation>记住密码（保存在系统钥匙串中）(&amp;R)</translation>
    </message>
    <message>
        <source>Saved only in the operating system&apos;s password store, never in a file.</source>
        <translation>只保存在操作系统的密码库中，绝不写入文件。</translation>
    </message>
    <message>
        <source>Portal address</source>
        <translation>门户地址</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>How changes are made in My Atlassian</source>
        <translation>在 My Atlassian 中进行更改的方式</translation>
    </message>
</context>
<context>
    <name>AddressLine</name>
    <message>
        <source>https · %1</source>
        <translation>https · %1</translation>
    </message>
    <message>
        <source>http · %1 (this computer: the local replica)</source>
        <translation>http · %1（本机：本地仿真页面）</translation>
    </message>
    <message>
        <source>Not secure: plain http to %1 is refused. The app opens My Atlassian only over https.</source>
        <translation>不安全：已拒绝到 %1 的明文 http。程序只通过 https 打开 My Atlassian。</translation>
    </message>
    <message>
        <source>Page address: %1</source>
        <translation>页面地址：%1</translation>
    </message>
</context>
<context>
    <name>ContactList</name>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>&lt;b&gt;Demo data.&lt;/b&gt; These licenses come from the built-in demo portal, not from Atlassian. Add your own account to see your licenses.</source>
        <translation>&lt;b&gt;演示数据。&lt;/b&gt;这些授权来自内置的演示门户，并非来自 Atlassian。添加您自己的账户即可查看您的授权。</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>添加账户…</translation>
    </message>
    <message>
        <source>Demo data notice</source>
        <translation>演示数据提示</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Browser data not deleted</source>
        <translation>浏览器数据未删除</translation>
    </message>
    <message>
        <source>The My Atlassian sign-in kept on this computer could not be deleted. It is in the folder %1. Delete that folder yourself, or sign out again after restarting the app.</source>
        <translation>保存在这台电脑上的 My Atlassian 登录信息无法删除，它位于文件夹 %1。请手动删除该文件夹，或重启本程序后再退出登录一次。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export licenses</source>
        <translation>导出授权</translation>
    </message>
    <message numerus="yes">
        <source>%n license(s) as the table shows them now: the search and the filter apply.</source>
        <translation>
            <numerusform>按表格当前显示的 %n 个授权：搜索和筛选条件都适用。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n license(s) of the table.</source>
        <translation>
            <numerusform>表格中的全部 %n 个授权。</numerusform>
        </translation>
    </message>
    <message>
        <source>Excel (.xlsx) or CSV: you choose the file next.</source>
        <translation>可导出为 Excel（.xlsx）或 CSV，下一步选择文件。</translation>
    </message>
    <message>
        <source>Include license &amp;keys</source>
        <translation>包含授权码(&amp;K)</translation>
    </message>
    <message>
        <source>License keys are secrets: anyone who gets this file can install these products with your licenses. Keep the file safe and send it to no one outside your company.</source>
        <translation>授权码需要保密：任何拿到此文件的人都可以用您的授权安装这些产品。请妥善保管此文件，不要发给公司以外的任何人。</translation>
    </message>
    <message>
        <source>Export with license keys…</source>
        <translation>连同授权码导出…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Guide</source>
        <translation>使用指南</translation>
    </message>
</context>
<context>
    <name>GuidedPanel</name>
    <message>
        <source>Your turn: one step in the page</source>
        <translation>轮到您了：在页面中完成一步操作</translation>
    </message>
    <message>
        <source>I&apos;ve done it</source>
        <translation>我已完成</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>跳过这一步</translation>
    </message>
    <message>
        <source>%1 is on the clipboard.</source>
        <translation>%1 已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>LicenseDetails</name>
    <message>
        <source>Not shown</source>
        <translation>未显示</translation>
    </message>
    <message>
        <source>Not available (paste the expanded license to read it)</source>
        <translation>无（请粘贴展开后的授权以读取授权码）</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Select a license to see its details.</source>
        <translation>选择一个授权以查看详情。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>SEN</source>
        <translation>SEN</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Support Expires</source>
        <translation>支持到期</translation>
    </message>
    <message>
        <source>License Key</source>
        <translation>授权码</translation>
    </message>
    <message>
        <source>Technical Contacts</source>
        <translation>技术联系人</translation>
    </message>
    <message>
        <source>Billing Contacts</source>
        <translation>账单联系人</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the license key to the clipboard</source>
        <translation>将授权码复制到剪贴板</translation>
    </message>
    <message>
        <source>Copy license key</source>
        <translation>复制授权码</translation>
    </message>
    <message>
        <source>Show or hide the license key</source>
        <translation>显示或隐藏授权码</translation>
    </message>
    <message>
        <source>Show license key</source>
        <translation>显示授权码</translation>
    </message>
    <message>
        <source>License key</source>
        <translation>授权码</translation>
    </message>
    <message>
        <source>Open in My Atlassian</source>
        <translation>在 My Atlassian 中打开</translation>
    </message>
    <message>
        <source>Open this license on my.atlassian.com in the browser</source>
        <translation>在浏览器中打开 my.atlassian.com 上的此授权</translation>
    </message>
    <message>
        <source>License details</source>
        <translation>授权详情</translation>
    </message>
</context>
<context>
    <name>LicenseExport</name>
    <message>
        <source>licenses</source>
        <translation>授权清单</translation>
    </message>
    <message>
        <source>Export licenses</source>
        <translation>导出授权</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV, comma-separated (*.csv)</source>
        <translation>CSV，逗号分隔 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n license(s) exported to %1</source>
        <translation>
            <numerusform>已将 %n 个授权导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The disk is full, so nothing was written. Free some space or choose another drive.</source>
        <translation>磁盘已满，未写入任何内容。请释放一些空间或选择其他磁盘。</translation>
    </message>
    <message>
        <source>Choose a file name ending in .xlsx or .csv.</source>
        <translation>请选择以 .xlsx 或 .csv 结尾的文件名。</translation>
    </message>
    <message>
        <source>The file could not be written there (no such folder, no permission, or it is open in another program). Choose another folder or close the file.</source>
        <translation>无法在该位置写入文件（文件夹不存在、没有权限，或文件正被其他程序打开）。请选择其他文件夹或先关闭该文件。</translation>
    </message>
</context>
<context>
    <name>LicensePanel</name>
    <message>
        <source>Search SEN, product, name or contact</source>
        <translation>搜索 SEN、产品、名称或联系人</translation>
    </message>
    <message>
        <source>Search licenses</source>
        <translation>搜索授权</translation>
    </message>
    <message>
        <source>Type to filter the licenses (Ctrl+F)</source>
        <translation>输入文字以筛选授权 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>授权</translation>
    </message>
    <message numerus="yes">
        <source>Within %n days</source>
        <translation>
            <numerusform>%n 天内</numerusform>
        </translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>No target chosen yet</source>
        <translation>尚未选择目标</translation>
    </message>
    <message>
        <source>Choose a target in Consolidate… first: this filter then shows the licenses whose primary technical contact is not that target.</source>
        <translation>请先在“归集…”中选择目标：之后此筛选会显示主要技术联系人不是该目标的授权。</translation>
    </message>
    <message>
        <source>The target you chose in the last consolidation. “Not yet consolidated” shows the licenses whose primary technical contact is someone else.</source>
        <translation>您在上一次归集中选择的目标。“尚未归集”显示主要技术联系人是其他人的授权。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Show every license</source>
        <translation>显示所有授权</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Licenses with support running</source>
        <translation>支持仍有效的授权</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Licenses whose support expired</source>
        <translation>支持已过期的授权</translation>
    </message>
    <message numerus="yes">
        <source>Expiring in %n days</source>
        <translation>
            <numerusform>%n 天内到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Licenses whose support ends within %n days (marked in the table); the arrow chooses 30, 60 or 90 days</source>
        <translation>
            <numerusform>支持将在 %n 天内结束的授权（已在表格中标出）；点击箭头可选择 30、60 或 90 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet consolidated</source>
        <translation>尚未归集</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>Licenses the last consolidation changed (marked ✓)</source>
        <translation>上次归集更改过的授权（标有 ✓）</translation>
    </message>
    <message>
        <source>Licenses whose primary technical contact is not %1</source>
        <translation>主要技术联系人不是 %1 的授权</translation>
    </message>
</context>
<context>
    <name>LicenseTableModel</name>
    <message>
        <source>SEN</source>
        <extracomment>``(text, colour or None)``: what a cell shows, in one call (see LicenseCellDelegate). Every cell: selectable, read-only (made once: combining flags in Python costs per call). The choices of &quot;expires within … days&quot;, and the first one&apos;s the default. Before the primary technical contact of a license the last run changed.</extracomment>
        <translation>SEN</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Support Expires</source>
        <translation>支持到期</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>Primary technical contact</source>
        <translation>主要技术联系人</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Ends today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <source>Ends in %n day(s)</source>
        <translation>
            <numerusform>%n 天后到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to sort by %1</source>
        <translation>点击按“%1”排序</translation>
    </message>
    <message>
        <source>Changed by the last consolidation; before it: %1</source>
        <translation>上次归集已更改；更改前为：%1</translation>
    </message>
    <message>
        <source>Support ends on %1</source>
        <translation>支持将于 %1 结束</translation>
    </message>
    <message>
        <source>Support expired on %1</source>
        <translation>支持已于 %1 到期</translation>
    </message>
</context>
<context>
    <name>LivePagePanel</name>
    <message>
        <source>My Atlassian, %1: the sign-in has ended. The run goes on with this account once it has signed in again.</source>
        <translation>My Atlassian，%1：登录已结束。该账户重新登录后，操作会继续处理它的授权。</translation>
    </message>
    <message>
        <source>My Atlassian, signed in as %1. The app works in this page; watch it here.</source>
        <translation>My Atlassian，已以 %1 登录。程序会在这个页面中操作，您可以在这里查看。</translation>
    </message>
    <message>
        <source>My Atlassian</source>
        <translation>My Atlassian</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>License key copied</source>
        <translation>授权码已复制</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read every account again (F5)</source>
        <translation>重新读取所有账户 (F5)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stop reading the accounts (Esc)</source>
        <translation>停止读取账户 (Esc)</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>添加账户(&amp;A)…</translation>
    </message>
    <message>
        <source>Sign in to a portal account</source>
        <translation>登录一个门户账户</translation>
    </message>
    <message>
        <source>&amp;Import pasted text…</source>
        <translation>导入粘贴的文本(&amp;I)…</translation>
    </message>
    <message>
        <source>Read licenses from text copied from My Atlassian</source>
        <translation>从 My Atlassian 复制的文本中读取授权</translation>
    </message>
    <message>
        <source>C&amp;onsolidate…</source>
        <translation>归集(&amp;O)…</translation>
    </message>
    <message>
        <source>Make one account the primary technical contact of the licenses</source>
        <translation>将一个账户设为这些授权的主要技术联系人</translation>
    </message>
    <message>
        <source>&amp;Export licenses…</source>
        <translation>导出授权(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the licenses shown to an Excel or CSV file (Ctrl+E)</source>
        <translation>将显示的授权保存为 Excel 或 CSV 文件（Ctrl+E）</translation>
    </message>
    <message>
        <source>&amp;Remove contacts who have left…</source>
        <translation>移除已离开的联系人(&amp;R)…</translation>
    </message>
    <message>
        <source>Delete people who have left from the technical and billing contacts of the licenses (never a primary contact)</source>
        <translation>从授权的技术联系人和账单联系人中删除已离开的人员（从不删除主要联系人）</translation>
    </message>
    <message>
        <source>Run &amp;history…</source>
        <translation>归集历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Past consolidations</source>
        <translation>以往的归集</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
    <message>
        <source>What the app does, the rules and how to undo (F1)</source>
        <translation>本程序做什么、规则以及如何撤销（F1）</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Search the licenses (Ctrl+F)</source>
        <translation>搜索授权 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show &amp;demo data</source>
        <translation>显示演示数据(&amp;D)</translation>
    </message>
    <message>
        <source>Also show the built-in demo portal&apos;s licenses</source>
        <translation>同时显示内置演示门户的授权</translation>
    </message>
</context>
<context>
    <name>MyAtlassianGuide</name>
    <message>
        <source>On license %2, under &quot;%3&quot;, click the box that says &quot;%5&quot;, paste %1 (it is on the clipboard) and click &quot;%4&quot;.</source>
        <extracomment>%1 the email, %2 the SEN; %3 the section&apos;s heading (Technical or Billing Contacts), %4 the control, %5 the add box&apos;s hint, %6 the dialog&apos;s title, %7 its Yes: each as the page shows it (see :meth:`GuidedStep.fill`).</extracomment>
        <translation>在授权 %2 的“%3”下，点击显示“%5”的输入框，粘贴 %1（已在剪贴板中），然后点击“%4”。</translation>
    </message>
    <message>
        <source>On license %2, under &quot;%3&quot;, click &quot;%4&quot; beside %1, then click &quot;%7&quot; in the dialog &quot;%6&quot;.</source>
        <translation>在授权 %2 的“%3”下，点击 %1 旁边的“%4”，然后在对话框“%6”中点击“%7”。</translation>
    </message>
    <message>
        <source>On license %2, under &quot;%3&quot;, click &quot;%4&quot; beside %1 and confirm.</source>
        <translation>在授权 %2 的“%3”下，点击 %1 旁边的“%4”并确认。</translation>
    </message>
    <message>
        <source>The page does not show the button the app expected, so it will not click.</source>
        <translation>页面上没有程序预期的按钮，因此程序不会点击。</translation>
    </message>
    <message>
        <source>The page shows more than one matching button, so the app will not guess.</source>
        <translation>页面上有多个相符的按钮，程序不会贸然选择。</translation>
    </message>
    <message>
        <source>The page&apos;s dialog is not about this contact, so the app will not confirm it.</source>
        <translation>页面弹出的对话框与这个联系人无关，因此程序不会确认。</translation>
    </message>
    <message>
        <source>The page shows the button greyed out, so the app will not click it.</source>
        <translation>页面上的这个按钮是灰色的（不可用），程序不会点击它。</translation>
    </message>
    <message>
        <source>The app could not open the license&apos;s details.</source>
        <translation>程序无法打开该授权的详情。</translation>
    </message>
    <message>
        <source>Guided mode is chosen in the settings.</source>
        <translation>设置中选择了引导模式。</translation>
    </message>
    <message>
        <source>Waiting for the page to show the change… The app checks it by itself.</source>
        <translation>正在等待页面显示更改…程序会自动检查。</translation>
    </message>
</context>
<context>
    <name>MyAtlassianPageCheck</name>
    <message>
        <source>Licenses list</source>
        <extracomment>The report file&apos;s own format (what support&apos;s tools read).</extracomment>
        <translation>授权列表</translation>
    </message>
    <message>
        <source>SENs</source>
        <translation>SEN 编号</translation>
    </message>
    <message>
        <source>License details</source>
        <translation>授权详情</translation>
    </message>
    <message>
        <source>Technical contacts</source>
        <translation>技术联系人</translation>
    </message>
    <message>
        <source>Box to add a contact, and Add</source>
        <translation>添加联系人的输入框和“Add”</translation>
    </message>
    <message>
        <source>Make Primary</source>
        <translation>设为主联系人（Make Primary）</translation>
    </message>
    <message>
        <source>Billing contacts, with their box to add a contact</source>
        <translation>账单联系人及其添加联系人的输入框</translation>
    </message>
    <message>
        <source>Delete beside a contact</source>
        <translation>联系人旁的“Delete”（删除）</translation>
    </message>
    <message>
        <source>found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>not shown yet (no license has a second contact to promote)</source>
        <translation>尚未显示（没有授权有可设为主联系人的第二个联系人）</translation>
    </message>
    <message>
        <source>The app can read your licenses and make the changes itself while you watch. It clicks a control only when exactly one on the page matches.</source>
        <translation>程序可以读取您的授权，并在您观看的同时自动完成更改。只有页面上恰好有一个控件匹配时，它才会点击。</translation>
    </message>
    <message>
        <source>The app can read your licenses but will guide you through each step: it did not find every control it clicks, so it shows you what to click and checks the result.</source>
        <translation>程序可以读取您的授权，但会引导您完成每一步：它没有找到需要点击的全部控件，所以会告诉您点哪里，并检查结果。</translation>
    </message>
    <message>
        <source>The app sees your licenses but cannot read their contacts, so it cannot plan any change for them. Nothing was changed. Save a page report and send it to support.</source>
        <translation>程序能看到您的授权，但读不出它们的联系人，因此无法为它们安排任何更改。没有做任何更改。请保存页面报告并发送给技术支持。</translation>
    </message>
    <message>
        <source>The licenses list is there but empty: this account is not a contact of any license.</source>
        <translation>授权列表存在但为空：此账号不是任何授权的联系人。</translation>
    </message>
    <message>
        <source>The app cannot read this page: it does not look like the licenses list the app knows (the site may have changed). Nothing was changed. Save a page report and send it to support.</source>
        <translation>程序无法读取此页面：它看起来不像程序认识的授权列表（网站可能已改版）。没有做任何更改。请保存页面报告并发送给技术支持。</translation>
    </message>
    <message>
        <source>The page asks to sign in. Sign in to this account, then check the page again.</source>
        <translation>页面要求登录。请登录此账号，然后再检查页面。</translation>
    </message>
</context>
<context>
    <name>MyAtlassianProfile</name>
    <message>
        <source>Keeps this account&apos;s My Atlassian sign-in (its cookies and site data) in your user folder on this computer, so after a restart the app reads the account without asking you to sign in, until My Atlassian ends the session. No password is kept. Untick this, sign out or remove the account to delete it.</source>
        <extracomment>What &quot;Stay signed in on this computer&quot; keeps, said next to the check box.</extracomment>
        <translation>在这台电脑的用户文件夹中保留此账户的 My Atlassian 登录状态（Cookie 和网站数据），重启后应用无需您再次登录即可读取此账户，直到 My Atlassian 结束该会话。不会保存密码。取消勾选、退出登录或移除账户即可删除这些数据。</translation>
    </message>
</context>
<context>
    <name>PageCheckDialog</name>
    <message>
        <source>The page could not be checked. Close this window and try again.</source>
        <translation>无法检查页面。请关闭此窗口后重试。</translation>
    </message>
    <message>
        <source>The report could not be saved to %1.</source>
        <translation>无法将报告保存到 %1。</translation>
    </message>
    <message>
        <source>Save a page report for support</source>
        <translation>保存页面报告给技术支持</translation>
    </message>
    <message>
        <source>Page report (*.json)</source>
        <translation>页面报告 (*.json)</translation>
    </message>
    <message>
        <source>Check the My Atlassian page</source>
        <translation>检查 My Atlassian 页面</translation>
    </message>
    <message>
        <source>Account: %1. The app only looks; nothing on the page is changed.</source>
        <translation>账号：%1。程序只查看，不会更改页面上的任何内容。</translation>
    </message>
    <message>
        <source>Save a page report for support…</source>
        <translation>保存页面报告给技术支持…</translation>
    </message>
    <message>
        <source>Saves the page&apos;s structure (tags, ids, classes, roles, which labels were found where) with every email, name, organisation, SEN and license key replaced.</source>
        <translation>保存页面结构（标签、id、class、role，以及各个标签在哪里找到），其中所有邮箱、姓名、单位、SEN 和授权密钥都已替换。</translation>
    </message>
    <message>
        <source>Part of the page</source>
        <translation>页面部分</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Checking the page…</source>
        <translation>正在检查页面…</translation>
    </message>
    <message>
        <source>Report saved: %1. Send this file to support.</source>
        <translation>报告已保存：%1。请将此文件发送给技术支持。</translation>
    </message>
    <message numerus="yes">
        <source>%n license(s) read.</source>
        <translation>
            <numerusform>已读取 %n 个授权。</numerusform>
        </translation>
    </message>
    <message>
        <source>the page says %1</source>
        <translation>页面上写作 %1</translation>
    </message>
    <message>
        <source>https</source>
        <translation>https</translation>
    </message>
    <message>
        <source>not https (the local replica)</source>
        <translation>不是 https（本地仿真页面）</translation>
    </message>
    <message>
        <source>Page: %1, %2. Site profile: %3.</source>
        <translation>页面：%1，%2。站点配置：%3。</translation>
    </message>
</context>
<context>
    <name>PasteImportDialog</name>
    <message>
        <source>The text is empty. On the My Atlassian licenses page select all, copy, and paste here.</source>
        <extracomment>How many licenses that cannot be read the dialog names (the rest are counted).</extracomment>
        <translation>文本为空。请在 My Atlassian 授权页面全选、复制，然后粘贴到这里。</translation>
    </message>
    <message>
        <source>No license was found in the text. Copy the whole My Atlassian licenses page: its rows start with a SEN such as SEN-12683313.</source>
        <translation>文本中没有找到授权。请复制整个 My Atlassian 授权页面：每一行以 SEN 开头，例如 SEN-12683313。</translation>
    </message>
    <message>
        <source>The text is larger than %1 MB, the most one paste may hold. Paste the licenses page in parts.</source>
        <translation>文本超过 %1 MB，超出一次粘贴的上限。请将授权页面分几次粘贴。</translation>
    </message>
    <message>
        <source>The text shows more licenses than one paste may hold. Paste the licenses page in parts.</source>
        <translation>文本中的授权数量超出一次粘贴的上限。请将授权页面分几次粘贴。</translation>
    </message>
    <message>
        <source>The file is not text.</source>
        <translation>该文件不是文本文件。</translation>
    </message>
    <message>
        <source>Pasted %1</source>
        <translation>粘贴于 %1</translation>
    </message>
    <message>
        <source>Open pasted text</source>
        <translation>打开粘贴的文本</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation>无法打开该文件。</translation>
    </message>
    <message>
        <source>Give the pasted account a name.</source>
        <translation>请为粘贴的账户起个名字。</translation>
    </message>
    <message>
        <source>An account named %1 exists already.</source>
        <translation>已有名为 %1 的账户。</translation>
    </message>
    <message>
        <source>%1 licenses cannot be read unambiguously and are left out:</source>
        <translation>有 %1 个授权无法被明确读取，已被略过：</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>……另有 %1 个。</translation>
    </message>
    <message>
        <source>Click OK to import the other %1 licenses, or correct the text.</source>
        <translation>点击“确定”导入其余 %1 个授权，或修改文本。</translation>
    </message>
    <message>
        <source>No other license was found in the text.</source>
        <translation>文本中没有找到其他授权。</translation>
    </message>
    <message>
        <source>Reading the text…</source>
        <translation>正在读取文本…</translation>
    </message>
    <message>
        <source>Import pasted text</source>
        <translation>导入粘贴的文本</translation>
    </message>
    <message>
        <source>On the My Atlassian licenses page, expand the licenses, select all (Ctrl+A), copy (Ctrl+C) and paste the text below, or open a saved .txt file. The licenses become an offline, read-only account.</source>
        <translation>在 My Atlassian 授权页面展开各个授权，全选 (Ctrl+A)、复制 (Ctrl+C)，然后把文本粘贴到下面；也可以打开已保存的 .txt 文件。这些授权会成为一个离线的只读账户。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>账户名称</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>粘贴的文本</translation>
    </message>
    <message>
        <source>Paste the page text here</source>
        <translation>在此粘贴页面文本</translation>
    </message>
    <message>
        <source>Open .txt &amp;file…</source>
        <translation>打开 .txt 文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Read the text from a saved .txt file</source>
        <translation>从已保存的 .txt 文件读取文本</translation>
    </message>
</context>
<context>
    <name>PasteReader</name>
    <message>
        <source>%1: the paste does not show its %2.</source>
        <extracomment>The most text one paste may hold: a 10,000-license page is about 8 million characters (13 MB as UTF-8 with Chinese names). Anything longer is refused before it is read. The most bytes a saved paste may have; a file is never read further (``/dev/zero``). The most licenses one paste may hold (an account shows a few thousand). No address is longer (RFC 5321); a longer line is not validated as one. What each warning key means; ``%1`` is the SEN, ``%2`` a detail. The UI translates these templates (``QCoreApplication.translate(&quot;PasteReader&quot;, …)``) and fills them in itself.</extracomment>
        <translation>%1：粘贴的内容中没有%2。</translation>
    </message>
    <message>
        <source>%1: only the summary row was pasted; expand the license on the page to read its key and contacts.</source>
        <translation>%1：只粘贴了摘要行；请在页面上展开该授权，以读取授权码和联系人。</translation>
    </message>
    <message>
        <source>%1: the support expiry date %2 could not be read.</source>
        <translation>%1：无法识别支持到期日期 %2。</translation>
    </message>
    <message>
        <source>%1: the license key contains text that is not part of a key; it was left out.</source>
        <translation>%1：授权码中混有不属于授权码的文字，已略去。</translation>
    </message>
    <message>
        <source>%1: %2 is not a valid email address.</source>
        <translation>%1：%2 不是有效的邮箱地址。</translation>
    </message>
    <message>
        <source>%1: the contact %2 has no email address in the paste.</source>
        <translation>%1：粘贴的内容中联系人 %2 没有邮箱地址。</translation>
    </message>
    <message>
        <source>%1: no %2 contact is marked PRIMARY.</source>
        <translation>%1：没有标记为 PRIMARY（主要）的%2联系人。</translation>
    </message>
    <message>
        <source>%1: more than one %2 contact is marked PRIMARY.</source>
        <translation>%1：有多个%2联系人被标记为 PRIMARY（主要）。</translation>
    </message>
    <message>
        <source>%1: the name is cut short (%2); expand the license to read it in full.</source>
        <translation>%1：名称被截断（%2）；请展开该授权以读取完整名称。</translation>
    </message>
    <message>
        <source>%1: the details show another SEN (%2); the row&apos;s SEN was kept.</source>
        <translation>%1：详情中显示的是另一个 SEN（%2）；已保留该行的 SEN。</translation>
    </message>
    <message>
        <source>%1 appears more than once in the paste; the last one was used.</source>
        <translation>%1 在粘贴的内容中出现了多次；已采用最后一次。</translation>
    </message>
    <message>
        <source>%1: the product text does not say the license type.</source>
        <translation>%1：产品说明中没有注明授权类型。</translation>
    </message>
    <message>
        <source>%1: the product text does not say Server, Data Center or Cloud.</source>
        <translation>%1：产品说明中没有注明 Server、Data Center 或 Cloud。</translation>
    </message>
    <message>
        <source>%1 was not read: a contact&apos;s name on the page is an email address (%2), so the text cannot tell which address is the contact.</source>
        <extracomment>Why a license could not be read unambiguously; ``%1`` is the SEN, ``%2`` the text that can be read two ways. Translated like :data:`WARNING_TEXTS`.</extracomment>
        <translation>%1 未读取：页面上一位联系人的姓名是一个邮箱地址（%2），仅凭文本无法分辨哪个地址才是联系人。</translation>
    </message>
    <message>
        <source>%1 was not read: the page shows %2 where a name or an address belongs, so the text cannot tell a name from the page&apos;s headings.</source>
        <translation>%1 未读取：页面在应为姓名或地址的位置显示了 %2，仅凭文本无法分辨这是姓名还是页面的标题。</translation>
    </message>
    <message>
        <source>%1 was not read: a name on the page reads like a SEN (%2), so the text cannot tell it from another license.</source>
        <translation>%1 未读取：页面上的一个名称看起来像 SEN（%2），仅凭文本无法把它与另一个授权区分开。</translation>
    </message>
    <message>
        <source>%1 was not read: the address %2 is outside the license&apos;s contact lists, so the text cannot tell whose it is.</source>
        <translation>%1 未读取：地址 %2 不在该授权的联系人列表中，仅凭文本无法判断它属于谁。</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>People who have left</source>
        <translation>已离开的人员</translation>
    </message>
    <message>
        <source>Tick the people to remove from the contacts of every license they are on. Space ticks or unticks.</source>
        <translation>勾选要从其所在的每个授权的联系人中移除的人员。按空格键勾选或取消勾选。</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>Email or name</source>
        <translation>邮箱或姓名</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is the account the licenses were gathered under: it is not offered here and is never removed.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 是授权归集到的账户：这里不会列出它，也永远不会移除它。</translation>
    </message>
    <message>
        <source>(signed in)</source>
        <translation>（已登录）</translation>
    </message>
    <message numerus="yes">
        <source>on %n license(s)</source>
        <translation>
            <numerusform>在 %n 个授权上</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>primary on %n — make someone else primary first there</source>
        <translation>
            <numerusform>是 %n 个授权的主要联系人——须先在那里将其他人设为主要联系人</numerusform>
        </translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) ticked.</source>
        <translation>
            <numerusform>已勾选 %n 人。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick at least one person who has left.</source>
        <translation>请至少勾选一位已离开的人员。</translation>
    </message>
</context>
<context>
    <name>PrimaryBadge</name>
    <message>
        <source>PRIMARY</source>
        <translation>主要</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RefreshStatusBar</name>
    <message>
        <source>%1 of %2 accounts</source>
        <translation>%1 / %2 个账户</translation>
    </message>
    <message>
        <source>Refresh cancelled</source>
        <translation>已取消刷新</translation>
    </message>
    <message>
        <source>Licenses: %1 · shown: %2 · support expired: %3</source>
        <translation>授权：%1 · 显示：%2 · 支持已过期：%3</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation>尚未刷新</translation>
    </message>
    <message>
        <source>Last refresh: %1</source>
        <translation>上次刷新：%1</translation>
    </message>
</context>
<context>
    <name>RemovalConfirmDialog</name>
    <message numerus="yes">
        <source>%1 will no longer see %n license(s):</source>
        <translation>
            <numerusform>%1 将不再看到以下 %n 个授权：</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Yes, remove them</source>
        <translation>是，移除他们(&amp;Y)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RemovalPlan</name>
    <message>
        <source>Technical and billing contact</source>
        <translation>技术联系人和账单联系人</translation>
    </message>
    <message>
        <source>Billing contact</source>
        <translation>账单联系人</translation>
    </message>
    <message>
        <source>Technical contact</source>
        <translation>技术联系人</translation>
    </message>
    <message>
        <source>%1 is signed in, is not primary here and is one of the people leaving, so it removes itself, last: afterwards it no longer sees this license in My Atlassian.</source>
        <translation>%1 已登录，在这里不是主要联系人，且是要离开的人员之一，因此由它最后移除自己：之后它在 My Atlassian 中将不再看到此授权。</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Nobody can be removed</source>
        <translation>无人可移除</translation>
    </message>
</context>
<context>
    <name>RemovalPlanPage</name>
    <message>
        <source>The plan</source>
        <translation>移除计划</translation>
    </message>
    <message>
        <source>Which contacts will be deleted on each license, and who stays and why. Untick any license you want to leave as it is (Space).</source>
        <translation>每个授权上将删除哪些联系人，哪些人保留及其原因。取消勾选您想保持不变的授权（空格键）。</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n license(s) ticked: someone is removed from each.</source>
        <translation>
            <numerusform>已勾选 %1 / %n 个授权：每个授权上都会有人被移除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody can be removed from the ticked licenses: tick one where someone is removed, or go back and tick other people.</source>
        <translation>勾选的授权上无人可移除：请勾选一个有人会被移除的授权，或返回勾选其他人员。</translation>
    </message>
</context>
<context>
    <name>RemovalRunPage</name>
    <message>
        <source>Removing contacts</source>
        <translation>正在移除联系人</translation>
    </message>
    <message>
        <source>The contacts are deleted license by license; you can watch it here.</source>
        <translation>联系人会在各个授权上依次删除，您可以在这里查看进度。</translation>
    </message>
    <message>
        <source>Ca&amp;ncel removal</source>
        <translation>取消移除(&amp;N)</translation>
    </message>
    <message>
        <source>The removal stopped: %1</source>
        <translation>移除已停止：%1</translation>
    </message>
    <message numerus="yes">
        <source>Removal finished with %n failure(s). Retry them, or go on to the summary.</source>
        <translation>
            <numerusform>移除结束，有 %n 个授权失败。可以重试，或继续查看汇总。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemovalSummaryPage</name>
    <message>
        <source>Who was removed where, and what is left to do.</source>
        <translation>谁从哪些授权上被移除，还剩哪些需要处理。</translation>
    </message>
    <message numerus="yes">
        <source>Contacts were removed on %n license(s): the people below no longer see them in My Atlassian.</source>
        <translation>
            <numerusform>已在 %n 个授权上移除联系人：以下人员在 My Atlassian 中将不再看到这些授权。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody was removed.</source>
        <translation>没有移除任何人。</translation>
    </message>
    <message numerus="yes">
        <source>%1: removed from %n license(s)</source>
        <translation>
            <numerusform>%1：已从 %n 个授权上移除</numerusform>
        </translation>
    </message>
    <message>
        <source>No longer sees %1</source>
        <translation>不再看到 %1</translation>
    </message>
    <message>
        <source>Not removed from %1 (failed, cancelled or left out): run the removal again to finish it.</source>
        <translation>未从 %1 上移除（失败、已取消或未勾选）：请再移除一次以完成。</translation>
    </message>
</context>
<context>
    <name>RemovalWizard</name>
    <message>
        <source>Remove contacts who have left</source>
        <translation>移除已离开的联系人</translation>
    </message>
    <message>
        <source>Contacts are being removed. Press “Cancel removal” first.</source>
        <translation>正在移除联系人。请先点击“取消移除”。</translation>
    </message>
</context>
<context>
    <name>RunHistoryDialog</name>
    <message>
        <source>Run history</source>
        <translation>归集历史</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标邮箱</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>授权数</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The run journal cannot be read.</source>
        <translation>无法读取操作记录。</translation>
    </message>
    <message>
        <source>Removing %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Set aside (cannot be read)</source>
        <translation>已搁置（无法读取）</translation>
    </message>
    <message>
        <source>Finished with failures</source>
        <translation>已完成（有失败）</translation>
    </message>
    <message>
        <source>Not resumed</source>
        <translation>未继续（已放弃）</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Did not finish</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, comma-separated (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，逗号分隔 (*.csv)</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Enter the email address of the Atlassian account.</source>
        <translation>请输入 Atlassian 账户的邮箱地址。</translation>
    </message>
    <message>
        <source>Sign in to My Atlassian</source>
        <translation>登录 My Atlassian</translation>
    </message>
    <message>
        <source>This page is signed in as %1, not as %2. Log out on the page, then sign in as %2.</source>
        <translation>此页面登录的是 %1，而不是 %2。请在页面上退出登录，然后以 %2 登录。</translation>
    </message>
    <message>
        <source>Signed in. Check the account&apos;s email below, then click Use this account.</source>
        <translation>已登录。请核对下方的账户邮箱，然后点击“使用此账户”。</translation>
    </message>
    <message>
        <source>Sign in below as you always do (single sign-on, two-step codes and captchas work here). The app never sees your password.</source>
        <translation>请像平时一样在下方登录（支持单点登录、两步验证码和人机验证）。程序不会看到您的密码。</translation>
    </message>
    <message>
        <source>Account email:</source>
        <translation>账户邮箱：</translation>
    </message>
    <message>
        <source>Stay signed in on this computer</source>
        <translation>在这台电脑上保持登录</translation>
    </message>
    <message>
        <source>Use this account</source>
        <translation>使用此账户</translation>
    </message>
</context>
<context>
    <name>SiteProfile</name>
    <message>
        <source>The My Atlassian site profile %1 could not be used (%2). The app uses its built-in profile %3 instead.</source>
        <extracomment>What the person is told about a refused override; %1 the file, %2 what is wrong (English, as the file is), %3 the built-in profile&apos;s name and version.</extracomment>
        <translation>无法使用 My Atlassian 站点配置文件 %1（%2）。程序改用内置配置 %3。</translation>
    </message>
    <message>
        <source>My Atlassian site profile: %1 (%2)</source>
        <extracomment>The About box&apos;s line; %1 the profile&apos;s name and version, %2 where it comes from.</extracomment>
        <translation>My Atlassian 站点配置：%1（%2）</translation>
    </message>
    <message>
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>override file %1</source>
        <translation>覆盖文件 %1</translation>
    </message>
</context>
</TS>
