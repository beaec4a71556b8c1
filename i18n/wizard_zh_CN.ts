<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConfirmDialog</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>等另外 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Confirmation</name>
    <message>
        <source>Promote to primary technical contact?</source>
        <translation>设为主要技术联系人？</translation>
    </message>
    <message>
        <source>You&apos;re about to make %1 the primary technical contact on %2.</source>
        <translation>您即将把 %1 设为 %2 的主要技术联系人。</translation>
    </message>
    <message>
        <source>%1 will first be added as a technical contact on %2 of them.</source>
        <translation>其中 %2 个授权会先把 %1 添加为技术联系人。</translation>
    </message>
    <message>
        <source>This means they will be able to:</source>
        <translation>这意味着对方将能够：</translation>
    </message>
    <message>
        <source>Promote to primary billing contact?</source>
        <translation>设为主要账单联系人？</translation>
    </message>
    <message>
        <source>You&apos;re about to make %1 the primary billing contact on %2.</source>
        <translation>您即将把 %1 设为 %2 的主要账单联系人。</translation>
    </message>
    <message>
        <source>%1 will first be added as a billing contact on %2 of them.</source>
        <translation>其中 %2 个授权会先将 %1 添加为账单联系人。</translation>
    </message>
    <message>
        <source>This means they will:</source>
        <translation>这意味着他们将会：</translation>
    </message>
    <message>
        <source>promote other contacts to primary in the future.</source>
        <translation>今后将其他联系人设为主要联系人。</translation>
    </message>
    <message>
        <source>You&apos;re about to make %1 the primary billing contact on these %2 licenses:</source>
        <translation>您即将把 %1 设为以下 %2 个授权的主要账单联系人：</translation>
    </message>
    <message>
        <source>receive the renewal quotes and invoices for these licenses</source>
        <translation>收到这些授权的续订报价和发票</translation>
    </message>
    <message>
        <source>receive the renewal quotes and invoices for this license</source>
        <translation>收到此授权的续订报价和发票</translation>
    </message>
    <message>
        <source>%1 will also be added as a billing contact on %2 (it must then sign in and promote itself, because its email domain differs from the current primary billing contact&apos;s).</source>
        <translation>还会将 %1 添加为 %2 的账单联系人（之后它必须本人登录，把自己设为主要账单联系人，因为它的邮箱域名与当前的主要账单联系人不同）。</translation>
    </message>
    <message>
        <source>Billing contacts are not changed: renewal quotes and invoices keep going to the current primary billing contacts.</source>
        <translation>不更改账单联系人：续订报价和发票仍会发送给当前的主要账单联系人。</translation>
    </message>
    <message>
        <source>No billing contact will be changed.</source>
        <translation>不会更改任何账单联系人。</translation>
    </message>
    <message>
        <source>You&apos;re about to make %1 the primary technical contact on these %2 licenses:</source>
        <translation>您即将把 %1 设为以下 %2 个授权的主要技术联系人：</translation>
    </message>
    <message>
        <source>access any invoices for these licenses via email or through My Atlassian</source>
        <translation>通过电子邮件或 My Atlassian 查看这些授权的所有发票</translation>
    </message>
    <message>
        <source>access any invoices for this license via email or through My Atlassian</source>
        <extracomment>The same for one license.</extracomment>
        <translation>通过电子邮件或 My Atlassian 查看此授权的所有发票</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>One license as the confirmation names it: its SEN and its product.</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Past invoices will not be transferred and will remain in your My Atlassian account under Orders.</source>
        <translation>以往的发票不会转移，仍保留在您 My Atlassian 账户的“订单”中。</translation>
    </message>
    <message>
        <source>A notification email will be sent to %1.</source>
        <translation>系统将向 %1 发送通知邮件。</translation>
    </message>
    <message>
        <source>%1 will also be added as a technical contact on %2 (it must then sign in and promote itself, because its email domain differs from the current primary&apos;s).</source>
        <translation>%1 还会被添加为 %2 的技术联系人（由于其邮箱域名与当前主要联系人不同，之后需要由它本人登录，把自己设为主要联系人）。</translation>
    </message>
    <message>
        <source>Nothing will be changed.</source>
        <translation>不会做任何更改。</translation>
    </message>
</context>
<context>
    <name>ConsolidationWizard</name>
    <message>
        <source>Consolidate licenses</source>
        <translation>归集授权</translation>
    </message>
    <message>
        <source>A run is going on. Press “Cancel run” first, then close.</source>
        <translation>归集正在进行。请先点击“取消归集”，然后再关闭。</translation>
    </message>
    <message>
        <source>Planned action</source>
        <translation>计划操作</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Adding contact…</source>
        <translation>正在添加联系人…</translation>
    </message>
    <message>
        <source>Promoting…</source>
        <translation>正在设为主要联系人…</translation>
    </message>
    <message>
        <source>Removing contact…</source>
        <translation>正在移除联系人…</translation>
    </message>
    <message>
        <source>Waiting for sign-in</source>
        <translation>等待重新登录</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Already done</source>
        <translation>此前已完成</translation>
    </message>
    <message>
        <source>Contact added; the target must sign in to promote</source>
        <translation>已添加联系人；需目标账户本人登录后设为主要</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>无法进行</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
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
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Choose at least one signed-in account to work with.</source>
        <translation>请至少选择一个已登录的账户参与归集。</translation>
    </message>
    <message>
        <source>Type or choose the email address of the target account.</source>
        <translation>请输入或选择目标账户的邮箱地址。</translation>
    </message>
    <message>
        <source>This is not a valid email address. Check it for typos, e.g. name@company.com.</source>
        <translation>这不是有效的邮箱地址，请检查是否有输入错误，例如 name@company.com。</translation>
    </message>
    <message>
        <source>Nothing can be changed for this target right now: see the counts above.</source>
        <translation>对这个目标账户目前没有可执行的更改：请查看上方的统计。</translation>
    </message>
    <message>
        <source>Tick at least one license to consolidate.</source>
        <translation>请至少勾选一个要归集的授权。</translation>
    </message>
    <message>
        <source>Confirm the change to go on.</source>
        <translation>请确认更改后继续。</translation>
    </message>
    <message>
        <source>Wait until the run has finished, or cancel it.</source>
        <translation>请等待操作结束，或将其取消。</translation>
    </message>
    <message>
        <source>This address mixes letters of different alphabets: %1 is not from the same alphabet as the other letters, so the address only looks like the one you mean and may belong to someone else. Type it again with the keyboard set to English.</source>
        <translation>此地址混用了不同文字的字母：%1 与其他字母不属于同一种文字，所以这个地址只是看起来像您想要的地址，可能属于其他人。请把键盘切换为英文后重新输入。</translation>
    </message>
    <message>
        <source>The part before the @ has %1 characters; an email address can have at most %2 there. Check the address.</source>
        <translation>@ 前面的部分有 %1 个字符，而邮箱地址在这里最多只能有 %2 个字符。请检查地址。</translation>
    </message>
    <message>
        <source>The address contains %1. Atlassian cannot use an address with / \ ? # or % in it: the licenses would get a contact that can never be made primary. Use another address.</source>
        <translation>此地址包含 %1。Atlassian 无法使用含有 / \ ? # 或 % 的地址：授权会多出一个永远无法设为主要联系人的联系人。请换一个地址。</translation>
    </message>
    <message numerus="yes">
        <source>Done: the target is now primary on %n license(s)</source>
        <translation>
            <numerusform>已完成：目标账户现已成为 %n 个授权的主要联系人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Already done: %n license(s)</source>
        <translation>
            <numerusform>此前已完成：%n 个授权</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Needs the target to sign in: %n license(s)</source>
        <translation>
            <numerusform>需要目标账户登录：%n 个授权</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not possible (evaluation): %n license(s)</source>
        <translation>
            <numerusform>无法进行（评估版）：%n 个授权</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No signed-in account can change: %n license(s)</source>
        <translation>
            <numerusform>没有已登录账户可更改：%n 个授权</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed: %n license(s)</source>
        <translation>
            <numerusform>失败：%n 个授权</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not run (cancelled): %n license(s)</source>
        <translation>
            <numerusform>未执行（已取消）：%n 个授权</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out by you: %n license(s)</source>
        <translation>
            <numerusform>您未勾选：%n 个授权</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing more to do: the target account manages these now.</source>
        <translation>无需再做什么：目标账户现在管理这些授权。</translation>
    </message>
    <message>
        <source>Sign in as the target account and run the consolidation again: the target can promote itself where the email domains differ.</source>
        <translation>请以目标账户登录后再归集一次：邮箱域名不同时，目标账户可以把自己设为主要联系人。</translation>
    </message>
    <message>
        <source>Technical contacts cannot be added to evaluation licenses. Buy a license or ask Atlassian support.</source>
        <translation>评估版授权不能添加技术联系人。请购买正式授权或咨询 Atlassian 支持。</translation>
    </message>
    <message>
        <source>Sign in with an account that is a contact of these licenses, then run again.</source>
        <translation>请用这些授权的联系人账户登录，然后再归集一次。</translation>
    </message>
    <message>
        <source>Press “Retry failed” below, or run again later.</source>
        <translation>请点击下方的“重试失败项”，或稍后再归集一次。</translation>
    </message>
    <message>
        <source>Run the consolidation again to finish these.</source>
        <translation>再归集一次即可完成这些授权。</translation>
    </message>
    <message>
        <source>Run the consolidation again and tick them if you want them.</source>
        <translation>如需处理，请再归集一次并勾选它们。</translation>
    </message>
    <message>
        <source>Add contact, make primary</source>
        <translation>添加联系人并设为主要</translation>
    </message>
    <message>
        <source>Make primary</source>
        <translation>设为主要</translation>
    </message>
    <message>
        <source>Needs the target to sign in</source>
        <translation>需要目标账户登录</translation>
    </message>
    <message>
        <source>Cannot change</source>
        <translation>无法更改</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>未勾选</translation>
    </message>
    <message>
        <source>This run cannot be resumed: it was discarded or has nothing left.</source>
        <translation>无法继续这次操作：它已被放弃，或已没有剩余的授权。</translation>
    </message>
    <message>
        <source>This run was confirmed for another portal or other accounts; it is resumed only there. Nothing was changed.</source>
        <translation>这次操作确认时针对的是另一个门户或其他账户，只能在那里继续。未做任何更改。</translation>
    </message>
    <message>
        <source>This run cannot be read from the journal, so it is not resumed. It is kept as it is. Nothing was changed.</source>
        <translation>无法从操作记录中读取这次操作，因此不会继续。它会原样保留。未做任何更改。</translation>
    </message>
    <message>
        <source>The run journal is in use by another copy of the app or by desktop-cli. Wait until it has finished. Nothing was changed.</source>
        <translation>操作记录正被另一个本程序窗口或 desktop-cli 使用。请等它结束。未做任何更改。</translation>
    </message>
    <message>
        <source>The run journal cannot be written, so the run stopped (no request goes unrecorded).</source>
        <translation>无法写入操作记录，因此操作已停止（每个请求都必须有记录）。</translation>
    </message>
    <message>
        <source>An unexpected error stopped the run. The log has the details.</source>
        <translation>发生意外错误，操作已停止。详情请查看日志。</translation>
    </message>
    <message>
        <source>The report could not be written there. Choose another folder.</source>
        <translation>无法在该位置写入报告，请选择其他文件夹。</translation>
    </message>
    <message>
        <source>The disk is full: the report was not written.</source>
        <translation>磁盘已满：报告未能写入。</translation>
    </message>
    <message>
        <source>A report must be an .xlsx or a .csv file.</source>
        <translation>报告必须是 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
        <source>That is a folder, not a file: choose a file name for the report.</source>
        <translation>这是一个文件夹，不是文件：请为报告选择一个文件名。</translation>
    </message>
    <message>
        <source>The report could not be made (the log has the details). The run is kept in the journal: try again, or use desktop-cli report.</source>
        <translation>无法生成报告（详情请查看日志）。这次操作已保存在操作记录中：请重试，或使用 desktop-cli report。</translation>
    </message>
    <message>
        <source>There is no finished run to report on yet.</source>
        <translation>还没有已完成的操作可供生成报告。</translation>
    </message>
</context>
<context>
    <name>EngineError</name>
    <message>
        <source>%1 is not signed in: sign in to this account and try again.</source>
        <translation>%1 未登录：请登录该账户后重试。</translation>
    </message>
    <message>
        <source>The portal&apos;s answer does not show the expected change.</source>
        <translation>门户的返回结果中没有出现预期的更改。</translation>
    </message>
    <message>
        <source>The portal did not confirm the change and the license could not be read again.</source>
        <translation>门户没有确认这次更改，并且无法重新读取该授权。</translation>
    </message>
    <message>
        <source>The run was interrupted before this license finished.</source>
        <translation>该授权处理完成之前，操作被中断了。</translation>
    </message>
    <message>
        <source>The portal keeps ending the sign-in of %1: it was signed in again %2 times in a row and still refused. Try again later.</source>
        <translation>门户一再结束 %1 的登录：已连续重新登录 %2 次，仍被拒绝。请稍后再试。</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>SEN</source>
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
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Support expires</source>
        <translation>支持到期日</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>Days of support left</source>
        <translation>支持剩余天数</translation>
    </message>
    <message>
        <source>Primary technical contact</source>
        <translation>主要技术联系人</translation>
    </message>
    <message>
        <source>Technical contacts</source>
        <translation>技术联系人</translation>
    </message>
    <message>
        <source>Primary billing contact</source>
        <translation>主要账单联系人</translation>
    </message>
    <message>
        <source>Billing contacts</source>
        <translation>账单联系人</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>License key</source>
        <translation>授权码</translation>
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
        <source>Licenses</source>
        <translation>授权</translation>
    </message>
</context>
<context>
    <name>LicensesPage</name>
    <message>
        <source>Licenses</source>
        <translation>授权</translation>
    </message>
    <message>
        <source>Untick any license you want to leave as it is. Space ticks or unticks.</source>
        <translation>取消勾选您希望保持不变的授权。按空格键可勾选或取消勾选。</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>SEN, product, name or contact</source>
        <translation>SEN、产品、名称或联系人</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Select &amp;none</source>
        <translation>全不选(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Consolidate…</source>
        <translation>归集(&amp;C)…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n license(s) ticked to change.</source>
        <translation>
            <numerusform>已勾选 %1 / %n 个要更改的授权。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Already done</source>
        <translation>此前已完成</translation>
    </message>
    <message>
        <source>Contact added; the target must sign in to promote itself</source>
        <translation>已添加联系人；需目标账户本人登录，把自己设为主要联系人</translation>
    </message>
    <message>
        <source>Needs the target to sign in</source>
        <translation>需要目标账户登录</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>无法进行</translation>
    </message>
    <message>
        <source>Cannot act</source>
        <translation>无法操作</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>未勾选</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>PauseBanner</name>
    <message>
        <source>&amp;Sign in again…</source>
        <translation>重新登录(&amp;S)…</translation>
    </message>
    <message>
        <source>S&amp;kip this account</source>
        <translation>跳过此账户(&amp;K)</translation>
    </message>
    <message>
        <source>The run waits for a sign-in</source>
        <translation>操作正在等待登录</translation>
    </message>
    <message>
        <source>&lt;b&gt;The run waits for %1 to sign in again.&lt;/b&gt; The sign-in was closed before it finished, so this account&apos;s licenses are on hold. Sign in again to go on with them, or skip this account: its waiting licenses are marked failed and can be retried later.</source>
        <translation>&lt;b&gt;操作正在等待 %1 重新登录。&lt;/b&gt;登录窗口在完成前被关闭了，因此该账户的授权暂停处理。重新登录即可继续处理它们；也可以跳过此账户：等待中的授权会标记为失败，之后可以重试。</translation>
    </message>
    <message>
        <source>&lt;b&gt;The sign-in of %1 has ended&lt;/b&gt; (it expired, or it was signed out elsewhere). Its licenses wait until it is signed in again; the other accounts&apos; licenses go on. Each waiting license is read again first, so nothing is done twice.</source>
        <translation>&lt;b&gt;%1 的登录已结束&lt;/b&gt;（已过期，或在别处退出了登录）。在它重新登录之前，该账户的授权会等待；其他账户的授权继续处理。每个等待中的授权都会先重新读取，因此不会重复操作。</translation>
    </message>
</context>
<context>
    <name>PlanReason</name>
    <message>
        <source>%1 is already the primary technical contact.</source>
        <translation>%1 已经是主要技术联系人。</translation>
    </message>
    <message>
        <source>%2 adds %1 as a technical contact, then %3 makes it primary: it has the same email domain as the current primary %4.</source>
        <translation>由 %2 添加 %1 为技术联系人，再由 %3 将其设为主要联系人：它与当前主要联系人 %4 的邮箱域名相同。</translation>
    </message>
    <message>
        <source>%1 is already a technical contact; %2 makes it primary: it has the same email domain as the current primary %3.</source>
        <translation>%1 已是技术联系人；由 %2 将其设为主要联系人：它与当前主要联系人 %3 的邮箱域名相同。</translation>
    </message>
    <message>
        <source>%2 adds %1 as a technical contact, then %1 promotes itself: its email domain differs from that of the current primary %3 (or is a public mail domain).</source>
        <translation>由 %2 添加 %1 为技术联系人，再由 %1 本人把自己设为主要联系人：它的邮箱域名与当前主要联系人 %3 不同（或属于公共邮箱）。</translation>
    </message>
    <message>
        <source>%1 is already a technical contact and is signed in, so it promotes itself: its email domain differs from that of the current primary %2 (or is a public mail domain).</source>
        <translation>%1 已是技术联系人且已登录，因此由它本人把自己设为主要联系人：它的邮箱域名与当前主要联系人 %2 不同（或属于公共邮箱）。</translation>
    </message>
    <message>
        <source>The license has no primary technical contact: %2 makes %1 primary (adding it as a technical contact first if needed).</source>
        <translation>该授权没有主要技术联系人：由 %2 将 %1 设为主要联系人（如有需要，先将其添加为技术联系人）。</translation>
    </message>
    <message>
        <source>%2 adds %1 as a technical contact. Its email domain differs from that of the current primary %3 (or is a public mail domain), so only %1 can promote itself: sign in as %1 and run again.</source>
        <translation>由 %2 添加 %1 为技术联系人。它的邮箱域名与当前主要联系人 %3 不同（或属于公共邮箱），只能由 %1 本人把自己设为主要联系人：请以 %1 登录后再归集一次。</translation>
    </message>
    <message>
        <source>%1 is already a technical contact, but its email domain differs from that of the current primary %2 (or is a public mail domain): sign in as %1 so it can promote itself.</source>
        <translation>%1 已是技术联系人，但它的邮箱域名与当前主要联系人 %2 不同（或属于公共邮箱）：请以 %1 登录，由它本人把自己设为主要联系人。</translation>
    </message>
    <message>
        <source>Evaluation license: technical contacts cannot be added to it, so it stays as it is.</source>
        <translation>评估版授权：不能添加技术联系人，因此保持不变。</translation>
    </message>
    <message>
        <source>None of the signed-in accounts is a contact of this license (its primary is %1): sign in as one of its contacts to change it.</source>
        <translation>已登录的账户都不是该授权的联系人（其主要联系人是 %1）：请以它的某位联系人登录后再更改。</translation>
    </message>
    <message>
        <source>Left out of this run.</source>
        <translation>未包含在本次归集中。</translation>
    </message>
    <message>
        <source>%1 is already the primary billing contact.</source>
        <translation>%1 已是主要账单联系人。</translation>
    </message>
    <message>
        <source>%2 adds %1 as a billing contact, then %3 makes it the primary billing contact: it has the same email domain as the current primary billing contact %4.</source>
        <translation>%2 将 %1 添加为账单联系人，然后由 %3 将其设为主要账单联系人：它与当前的主要账单联系人 %4 邮箱域名相同。</translation>
    </message>
    <message>
        <source>%1 is already a billing contact; %2 makes it the primary billing contact: it has the same email domain as the current primary billing contact %3.</source>
        <translation>%1 已是账单联系人；由 %2 将其设为主要账单联系人：它与当前的主要账单联系人 %3 邮箱域名相同。</translation>
    </message>
    <message>
        <source>%2 adds %1 as a billing contact, then %1 promotes itself: its email domain differs from that of the current primary billing contact %3 (or is a public mail domain).</source>
        <translation>%2 将 %1 添加为账单联系人，然后由 %1 本人把自己设为主要账单联系人：它的邮箱域名与当前的主要账单联系人 %3 不同（或是公共邮箱域名）。</translation>
    </message>
    <message>
        <source>%1 is already a billing contact and is signed in, so it promotes itself to primary billing contact: its email domain differs from that of the current one, %2 (or is a public mail domain).</source>
        <translation>%1 已是账单联系人且已登录，因此由它本人把自己设为主要账单联系人：它的邮箱域名与当前的主要账单联系人 %2 不同（或是公共邮箱域名）。</translation>
    </message>
    <message>
        <source>The license has no billing contact: %2 adds %1, which makes it the primary billing contact.</source>
        <translation>此授权没有账单联系人：由 %2 添加 %1，它即成为主要账单联系人。</translation>
    </message>
    <message>
        <source>%2 adds %1 as a billing contact. Its email domain differs from that of the current primary billing contact %3 (or is a public mail domain), so only %1 can promote itself: sign in as %1 and run again.</source>
        <translation>%2 将 %1 添加为账单联系人。它的邮箱域名与当前的主要账单联系人 %3 不同（或是公共邮箱域名），所以只能由 %1 本人把自己设为主要账单联系人：请以 %1 登录后再归集一次。</translation>
    </message>
    <message>
        <source>%1 is already a billing contact, but its email domain differs from that of the current primary billing contact %2 (or is a public mail domain): sign in as %1 so it can promote itself.</source>
        <translation>%1 已是账单联系人，但它的邮箱域名与当前的主要账单联系人 %2 不同（或是公共邮箱域名）：请以 %1 登录，由它本人把自己设为主要账单联系人。</translation>
    </message>
    <message>
        <source>Cloud subscription: its billing is managed in admin.atlassian.com, not here, so its billing contacts stay as they are.</source>
        <translation>云订阅：它的账单在 admin.atlassian.com 中管理，不在这里，因此它的账单联系人保持不变。</translation>
    </message>
    <message>
        <source>None of the signed-in accounts is a contact of this license, so its billing contacts cannot be changed either.</source>
        <translation>已登录的账户都不是此授权的联系人，因此也无法更改它的账单联系人。</translation>
    </message>
    <message>
        <source>%1 will be removed from this license&apos;s contacts.</source>
        <translation>将从此授权的联系人中移除 %1。</translation>
    </message>
    <message>
        <source>Nobody can be removed from this license (see each person).</source>
        <translation>此授权上没有可以移除的人（见每个人的说明）。</translation>
    </message>
    <message>
        <source>%1 removes %2 from this license&apos;s contacts: %2 will no longer see it in My Atlassian.</source>
        <translation>由 %1 将 %2 从此授权的联系人中移除：%2 将不再在 My Atlassian 中看到它。</translation>
    </message>
    <message>
        <source>%1 is the primary technical contact, which cannot be removed: make someone else primary first.</source>
        <translation>%1 是主要技术联系人，不能移除：请先将其他人设为主要联系人。</translation>
    </message>
    <message>
        <source>%1 is the primary billing contact, which cannot be removed: make someone else primary first.</source>
        <translation>%1 是主要账单联系人，不能移除：请先将其他人设为主要联系人。</translation>
    </message>
    <message>
        <source>%1 is the account the licenses were gathered under: it is never removed.</source>
        <translation>%1 是授权归集到的账户：它永远不会被移除。</translation>
    </message>
    <message>
        <source>None of the signed-in accounts is a contact of this license: sign in as one of its contacts to remove %1.</source>
        <translation>已登录的账户都不是此授权的联系人：请以它的某位联系人登录，才能移除 %1。</translation>
    </message>
</context>
<context>
    <name>PortalError</name>
    <message>
        <source>The portal refused the request.</source>
        <translation>门户拒绝了该请求。</translation>
    </message>
    <message>
        <source>The portal did not understand the request.</source>
        <translation>门户无法理解该请求。</translation>
    </message>
    <message>
        <source>Wrong email or password. Check them and sign in again.</source>
        <translation>邮箱或密码错误。请检查后重新登录。</translation>
    </message>
    <message>
        <source>The sign-in has expired. Sign in again and retry.</source>
        <translation>登录已过期。请重新登录后再试。</translation>
    </message>
    <message>
        <source>No password is saved for this account. Enter it to read its licenses.</source>
        <translation>此账户没有保存密码。请输入密码以读取其授权。</translation>
    </message>
    <message>
        <source>The new primary contact has another (or a public) email domain: it must sign in and promote itself.</source>
        <translation>新的主要联系人使用不同的（或公共的）邮箱域名：必须由其本人登录，把自己设为主要联系人。</translation>
    </message>
    <message>
        <source>No such license, or this account is not one of its contacts.</source>
        <translation>没有该授权，或此账户不是它的联系人。</translation>
    </message>
    <message>
        <source>That email is not a contact of this kind on the license.</source>
        <translation>该邮箱不是此授权上这一类的联系人。</translation>
    </message>
    <message>
        <source>A primary contact (technical or billing) cannot be removed: make someone else primary first.</source>
        <translation>不能移除主要联系人（技术或账单）：请先将其他人设为主要联系人。</translation>
    </message>
    <message>
        <source>The email address is not valid.</source>
        <translation>邮箱地址无效。</translation>
    </message>
    <message>
        <source>Technical contacts cannot be added to an evaluation license.</source>
        <translation>评估版授权不能添加技术联系人。</translation>
    </message>
    <message>
        <source>The portal is busy (too many requests). Wait a minute and try again.</source>
        <translation>门户繁忙（请求过多）。请稍等一分钟后重试。</translation>
    </message>
    <message>
        <source>The portal is temporarily unavailable. Try again later.</source>
        <translation>门户暂时不可用。请稍后重试。</translation>
    </message>
    <message>
        <source>Cannot reach the portal. Check the network connection, or the proxy settings if your company uses one.</source>
        <translation>无法连接门户。请检查网络连接；如果公司使用代理，请检查代理设置。</translation>
    </message>
    <message>
        <source>The portal did not answer in time. Check the network and try again.</source>
        <translation>门户未及时响应。请检查网络后重试。</translation>
    </message>
    <message>
        <source>The portal&apos;s security certificate is not trusted. If your company inspects web traffic, ask IT to install its certificate on this computer.</source>
        <translation>门户的安全证书不受信任。如果公司会检查网络流量，请让 IT 部门在这台电脑上安装公司的证书。</translation>
    </message>
    <message>
        <source>The portal&apos;s answer could not be understood. A company proxy or a sign-in page may be in the way.</source>
        <translation>无法识别门户的响应，可能被公司代理或登录页面拦截了。</translation>
    </message>
    <message>
        <source>The portal address must start with https://, for example https://portal.example (http:// only on this computer).</source>
        <translation>门户地址必须以 https:// 开头，例如 https://portal.example（只有本机地址可以用 http://）。</translation>
    </message>
    <message>
        <source>The portal address is not a web address. Enter it as IT gave it, for example https://portal.example.</source>
        <translation>门户地址不是有效的网址。请按 IT 部门给您的地址输入，例如 https://portal.example。</translation>
    </message>
    <message>
        <source>The portal address contains a user name or password. Remove them from the address (for example https://portal.example): the password is asked for separately and kept in the system&apos;s keyring.</source>
        <translation>门户地址中包含用户名或密码。请从地址中删除它们（例如 https://portal.example）：密码会单独询问，并保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>The port in the portal address must be a number from 1 to 65535 (for example http://127.0.0.1:8080).</source>
        <translation>门户地址中的端口必须是 1 到 65535 之间的数字（例如 http://127.0.0.1:8080）。</translation>
    </message>
    <message>
        <source>The portal stopped partway through this account&apos;s list of licenses, so none of its licenses were used (a partial list would look complete). Try again later.</source>
        <translation>门户在返回此账户的授权列表时中途出错，因此此账户的授权一个都没有使用（不完整的列表看起来会像是完整的）。请稍后再试。</translation>
    </message>
    <message>
        <source>The saved pasted text of this account could not be read (the file is damaged). Import the text again, or remove this account.</source>
        <translation>无法读取此账户保存的粘贴文本（文件已损坏）。请重新导入文本，或移除此账户。</translation>
    </message>
    <message>
        <source>The app could not read this account because of an unexpected error (written to the log file). Refresh to try again; if it happens again, send the log file to IT.</source>
        <translation>由于意外错误，本程序无法读取此账户（详情已写入日志文件）。请刷新重试；如果再次出现，请把日志文件发给 IT 部门。</translation>
    </message>
    <message>
        <source>The portal sent a license the app cannot read, so this account&apos;s licenses were not used. Try again later, or tell the portal&apos;s administrator.</source>
        <translation>门户发送了一个本程序无法读取的授权，因此没有使用此账户的授权。请稍后重试，或告知门户管理员。</translation>
    </message>
    <message>
        <source>The portal&apos;s answer is far larger than expected, so the app stopped reading it. A company proxy may be in the way, or the address is not a license portal.</source>
        <translation>门户的应答远大于预期，本程序已停止读取。可能是公司代理从中拦截，或者该地址不是授权门户。</translation>
    </message>
    <message>
        <source>The portal&apos;s list of licenses does not add up (the number of licenses it states does not match what it sent, or is impossibly large), so it was not used. Try again later.</source>
        <translation>门户的授权列表前后不一致（声明的授权数量与实际发送的不符，或大得不合理），因此未被使用。请稍后重试。</translation>
    </message>
    <message>
        <source>The portal answered with a redirect to another address, which the app does not follow. Check the portal address.</source>
        <translation>门户以重定向到其他地址作答，本程序不会跟随重定向。请检查门户地址。</translation>
    </message>
    <message>
        <source>The portal cannot carry this email address in its requests (it contains / ? # % or \). Use another address; nothing was changed.</source>
        <translation>门户无法在请求中传递此邮箱地址（其中含有 / ? # % 或 \）。请使用其他地址；未做任何更改。</translation>
    </message>
    <message>
        <source>The page is not as expected, so the app will not click there: do this step yourself, following the guide.</source>
        <translation>页面与预期不符，应用不会在其中自动点击：请按照指引自己完成这一步。</translation>
    </message>
    <message>
        <source>The portal&apos;s answer does not show the expected change.</source>
        <translation>门户的响应中看不到预期的更改。</translation>
    </message>
    <message>
        <source>You skipped this step, so the license was left as it was.</source>
        <translation>您跳过了这一步，因此该授权保持不变。</translation>
    </message>
    <message>
        <source>The page does not look like My Atlassian&apos;s licenses page (it may have changed). Open the licenses page and try again.</source>
        <translation>该页面看起来不像 My Atlassian 的授权页面（页面可能已改版）。请打开授权页面后重试。</translation>
    </message>
    <message>
        <source>The sign-in of %1 ended before this license was finished. Sign in to that account again, then retry.</source>
        <translation>%1 的登录在此授权完成前已结束。请重新登录该账户，然后重试。</translation>
    </message>
</context>
<context>
    <name>RemovalConfirmation</name>
    <message>
        <source>Remove contacts who have left?</source>
        <translation>移除已离开的联系人？</translation>
    </message>
    <message>
        <source>These people will no longer see these licenses in My Atlassian:</source>
        <translation>这些人将不再在 My Atlassian 中看到这些授权：</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2 个）：%3</translation>
    </message>
    <message>
        <source>These stay on some licenses, and nothing is changed for them there:</source>
        <translation>以下人员会保留在部分授权上，这些授权上不会为他们做任何更改：</translation>
    </message>
    <message>
        <source>%1 on %2: the primary technical contact — make someone else primary first.</source>
        <translation>%1 在 %2 上：是主要技术联系人——请先将其他人设为主要联系人。</translation>
    </message>
    <message>
        <source>%1 on %2: the primary billing contact — make someone else primary first.</source>
        <translation>%1 在 %2 上：是主要账单联系人——请先将其他人设为主要联系人。</translation>
    </message>
    <message>
        <source>%1 on %2: the account the licenses were gathered under.</source>
        <translation>%1 在 %2 上：是授权归集到的账户。</translation>
    </message>
    <message>
        <source>%1 on %2: none of the signed-in accounts is a contact there — sign in as one.</source>
        <translation>%1 在 %2 上：已登录的账户都不是那里的联系人——请以其中一位联系人登录。</translation>
    </message>
    <message>
        <source>A removed contact can only be added back by someone who is still a contact of the license.</source>
        <translation>被移除的联系人只能由仍是该授权联系人的人重新添加。</translation>
    </message>
    <message>
        <source>Nobody will be removed.</source>
        <translation>不会移除任何人。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>SEN</source>
        <translation>SEN</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Old primary</source>
        <translation>原主要联系人</translation>
    </message>
    <message>
        <source>New primary</source>
        <translation>新主要联系人</translation>
    </message>
    <message>
        <source>Old primary billing contact</source>
        <translation>原主要账单联系人</translation>
    </message>
    <message>
        <source>New primary billing contact</source>
        <translation>新主要账单联系人</translation>
    </message>
    <message>
        <source>Removed contacts</source>
        <translation>已移除的联系人</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>执行的操作</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Added as technical contact</source>
        <translation>已添加为技术联系人</translation>
    </message>
    <message>
        <source>Made primary</source>
        <translation>已设为主要</translation>
    </message>
    <message>
        <source>Added as billing contact</source>
        <translation>已添加为账单联系人</translation>
    </message>
    <message>
        <source>Made primary billing contact</source>
        <translation>已设为主要账单联系人</translation>
    </message>
    <message>
        <source>Removed technical contact</source>
        <translation>已移除技术联系人</translation>
    </message>
    <message>
        <source>Removed billing contact</source>
        <translation>已移除账单联系人</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Consolidation</source>
        <translation>授权归集</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Consolidating</source>
        <translation>正在归集</translation>
    </message>
    <message>
        <source>Each license is changed in turn; you can watch it here.</source>
        <translation>各个授权会依次更改，您可以在这里查看进度。</translation>
    </message>
    <message>
        <source>Ca&amp;ncel run</source>
        <translation>取消归集(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>重试失败项(&amp;R)</translation>
    </message>
    <message>
        <source>The run stopped: %1</source>
        <translation>归集已停止：%1</translation>
    </message>
    <message>
        <source>Stopping after the requests in flight…</source>
        <translation>正在等待进行中的请求完成后停止…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n license(s) finished.</source>
        <translation>
            <numerusform>已完成 %1 / %n 个授权。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished with %n failure(s). Retry them, or go on to the summary.</source>
        <translation>
            <numerusform>归集结束，有 %n 个授权失败。可以重试，或继续查看汇总。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled. Go on to the summary to see what was changed.</source>
        <translation>已取消。请继续查看汇总，了解哪些已经更改。</translation>
    </message>
    <message>
        <source>Finished. Go on to the summary.</source>
        <translation>已完成。请继续查看汇总。</translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <source>Source accounts</source>
        <translation>来源账户</translation>
    </message>
    <message>
        <source>Which accounts should hand over their licenses?</source>
        <translation>哪些账户要交出它们的授权？</translation>
    </message>
    <message>
        <source>Tick the signed-in accounts that take part. Each one adds the target as a contact on the licenses it can see.</source>
        <translation>勾选参与归集的已登录账户。每个账户会在自己能看到的授权上添加目标账户为联系人。</translation>
    </message>
    <message>
        <source>Accounts read from pasted page text are read-only: their licenses are listed for review, but nothing can be changed through them. Sign in to change them.</source>
        <translation>通过粘贴页面文字读取的账户是只读的：其授权仅供查看，无法通过它们进行更改。如需更改，请登录该账户。</translation>
    </message>
    <message>
        <source>&amp;Sign in to another account…</source>
        <translation>登录其他账户(&amp;S)…</translation>
    </message>
    <message>
        <source>%1 — pasted page text, read-only</source>
        <translation>%1 — 粘贴的页面文字，只读</translation>
    </message>
    <message>
        <source>%1 (demo)</source>
        <translation>%1（演示）</translation>
    </message>
    <message>
        <source>%1 — not signed in, read-only</source>
        <translation>%1 — 未登录，只读</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>What changed, and what is left to do.</source>
        <translation>哪些已经更改，还剩哪些需要处理。</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Show in table</source>
        <translation>在表格中查看(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>重试失败项(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; is now the primary technical contact on %n more license(s).</source>
        <translation>
            <numerusform>本次归集后，&lt;b&gt;%1&lt;/b&gt; 又成为 %n 个授权的主要技术联系人。</numerusform>
        </translation>
    </message>
    <message>
        <source>No license has a new primary technical contact.</source>
        <translation>本次归集没有授权更换主要技术联系人。</translation>
    </message>
    <message>
        <source>Billing contacts were not changed: renewal quotes and invoices keep going to the current primary billing contacts.</source>
        <translation>未更改账单联系人：续订报价和发票仍会发送给当前的主要账单联系人。</translation>
    </message>
    <message numerus="yes">
        <source>It is now also the primary billing contact on %n license(s): renewal quotes and invoices go to it.</source>
        <translation>
            <numerusform>它现在也是 %n 个授权的主要账单联系人：续订报价和发票将发送给它。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, comma-separated (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 逗号分隔 (*.csv)</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>报告已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <source>Target account</source>
        <translation>目标账户</translation>
    </message>
    <message>
        <source>Which account should manage every license from now on?</source>
        <translation>今后由哪个账户统一管理所有授权？</translation>
    </message>
    <message>
        <source>Target &amp;email:</source>
        <translation>目标邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>e.g. licenses@yourcompany.com</source>
        <translation>例如 licenses@yourcompany.com</translation>
    </message>
    <message>
        <source>Atlassian&apos;s partners recommend a shared company mailbox, such as a team address (licenses@yourcompany.com): the licenses then do not depend on one person&apos;s mailbox.</source>
        <translation>Atlassian 的合作伙伴建议使用公司共用的邮箱，例如团队地址（licenses@yourcompany.com）：这样授权就不依赖某一个人的邮箱。</translation>
    </message>
    <message>
        <source>Or choose one of the &amp;contacts on your licenses:</source>
        <translation>或从授权上的联系人中选择(&amp;C)：</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>将会发生什么</translation>
    </message>
    <message>
        <source>Sign &amp;in as the target…</source>
        <translation>以目标账户登录(&amp;I)…</translation>
    </message>
    <message>
        <source>Also make the target the primary &amp;billing contact (renewal quotes and invoices go to it)</source>
        <translation>同时将目标账户设为主要账单联系人(&amp;B)（续订报价和发票将发送给它）</translation>
    </message>
    <message>
        <source>your target last time</source>
        <translation>上次的目标</translation>
    </message>
    <message numerus="yes">
        <source>primary on %n license(s)</source>
        <translation>
            <numerusform>是 %n 个授权的主要联系人</numerusform>
        </translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>public mailbox</source>
        <translation>公共邮箱</translation>
    </message>
    <message>
        <source>The address that will be used: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>将使用的地址：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is a public mailbox.&lt;/b&gt; It belongs to one person, not to your company: when that person leaves, nobody can reach the licenses. Atlassian also never treats a public domain as your company&apos;s, so this address must sign in and promote itself on every license.</source>
        <translation>&lt;b&gt;%1 是公共邮箱。&lt;/b&gt;它属于某个人，而不属于您的公司：此人离职后，就没有人能管理这些授权了。而且 Atlassian 从不把公共邮箱域名当作贵公司的域名，所以这个地址必须本人登录，在每个授权上把自己设为主要联系人。</translation>
    </message>
    <message>
        <source>will move to the target (it becomes the primary technical contact)</source>
        <translation>将转到目标账户（它会成为主要技术联系人）</translation>
    </message>
    <message>
        <source>already done (the target is primary already)</source>
        <translation>此前已完成（目标账户已是主要联系人）</translation>
    </message>
    <message>
        <source>need the target to sign in: another or a public email domain, so the target must promote itself</source>
        <translation>需要目标账户登录：邮箱域名不同或为公共邮箱，必须由目标账户本人把自己设为主要联系人</translation>
    </message>
    <message>
        <source>not possible: evaluation licenses take no new technical contacts</source>
        <translation>无法进行：评估版授权不能添加新的技术联系人</translation>
    </message>
    <message>
        <source>cannot be changed: no signed-in account is a contact</source>
        <translation>无法更改：没有已登录账户是其联系人</translation>
    </message>
    <message>
        <source>will also get the target as the primary billing contact</source>
        <translation>还会让目标账户成为主要账单联系人</translation>
    </message>
    <message>
        <source>On: where Atlassian&apos;s rules allow, the target also becomes the primary billing contact, and each old primary billing contact receives a notification email. Cloud subscriptions are billed in admin.atlassian.com and stay as they are.</source>
        <translation>已开启：在 Atlassian 规则允许的授权上，目标账户也会成为主要账单联系人，每位原主要账单联系人都会收到通知邮件。云订阅的账单在 admin.atlassian.com 中管理，保持不变。</translation>
    </message>
    <message>
        <source>Off: the billing contacts are not changed. Renewal quotes and invoices keep going to the current primary billing contacts.</source>
        <translation>未开启：不更改账单联系人。续订报价和发票仍会发送给当前的主要账单联系人。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Gather your licenses under one account</source>
        <translation>把授权归集到一个账户下</translation>
    </message>
    <message>
        <source>This assistant makes one account the primary technical contact of your licenses.</source>
        <translation>本向导会把一个账户设为您所有授权的主要技术联系人。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;What it does&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;The target account you choose becomes the primary technical contact on each license, so it sees and manages every license key in one place.&lt;/li&gt;&lt;li&gt;Where needed it first adds the target as a technical contact.&lt;/li&gt;&lt;li&gt;The old primary contact stays on the license as a technical contact and receives a notification email from Atlassian.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;它会做什么&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;您选择的目标账户会成为每个授权的主要技术联系人，从而在一个地方查看和管理所有授权码。&lt;/li&gt;&lt;li&gt;如有需要，会先把目标账户添加为技术联系人。&lt;/li&gt;&lt;li&gt;原来的主要联系人仍作为技术联系人保留在授权上，并会收到 Atlassian 的通知邮件。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;What it does not do&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Past invoices are not transferred: they stay in the account that bought them, under Orders.&lt;/li&gt;&lt;li&gt;Nothing is deleted: no contact, no license, no account.&lt;/li&gt;&lt;li&gt;Billing contacts are left unchanged: renewal quotes and invoices still go to them.&lt;/li&gt;&lt;li&gt;Nothing changes before you have reviewed the plan and answered “Yes” to the confirmation.&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;它不会做什么&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;以往的发票不会转移：它们仍保留在购买时使用的账户的“订单”中。&lt;/li&gt;&lt;li&gt;不会删除任何东西：不删联系人，不删授权，也不删账户。&lt;/li&gt;&lt;li&gt;账单联系人保持不变：续订报价和发票仍然发送给他们。&lt;/li&gt;&lt;li&gt;在您查看计划并在确认对话框中点击“是”之前，不会做任何更改。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Read the guide: the rules, billing contacts and how to undo (F1)</source>
        <translation>阅读使用指南：规则、账单联系人以及如何撤销（F1）</translation>
    </message>
</context>
<context>
    <name>WizardLauncher</name>
    <message>
        <source>Consolidate licenses</source>
        <translation>归集授权</translation>
    </message>
    <message>
        <source>Resume it now? Each license is read again first, so nothing is done twice. Discard keeps it in the history but does not go on with it. Later asks again at the next start.</source>
        <translation>现在继续吗？每个授权都会先重新读取，因此不会重复操作。选择“放弃”会在历史中保留记录，但不再继续。选择“稍后”会在下次启动时再次询问。</translation>
    </message>
    <message>
        <source>This run was confirmed for %1 and its accounts; the accounts signed in now are elsewhere. It is resumed only there. Nothing was changed.</source>
        <translation>这次操作确认时针对的是 %1 及其账户；现在登录的账户在别处。只能在那里继续。未做任何更改。</translation>
    </message>
    <message>
        <source>The run journal cannot be opened, so a run could not be resumed after a crash.</source>
        <translation>无法打开操作记录，因此程序崩溃后将无法继续未完成的操作。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Remove contacts who have left</source>
        <translation>移除已离开的联系人</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <source>Unfinished consolidation</source>
        <translation>未完成的归集</translation>
    </message>
    <message>
        <source>Unfinished removal</source>
        <translation>未完成的移除</translation>
    </message>
    <message numerus="yes">
        <source>Removing %1 from the contacts of the licenses did not finish: %n license(s) left.</source>
        <translation>
            <numerusform>从授权联系人中移除 %1 的操作未完成：还剩 %n 个授权。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A consolidation into %1 did not finish: %n license(s) left.</source>
        <translation>
            <numerusform>归集到 %1 的操作没有完成：还剩 %n 个授权。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <source>The run journal could not be read, so a new one was started. The old file is kept as %1.</source>
        <translation>无法读取操作记录，因此已新建一个。旧文件保留为 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) in the journal cannot be read, so they are not offered for resuming. They are kept as they are.</source>
        <translation>
            <numerusform>操作记录中有 %n 次操作无法读取，因此不提供继续。它们会原样保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>These accounts could not be read now, so they cannot take part in this removal:</source>
        <translation>以下账户目前无法读取，因此不能参与这次移除：</translation>
    </message>
    <message>
        <source>These accounts could not be read now, so they cannot take part in this consolidation:</source>
        <translation>以下账户目前无法读取，因此不能参与这次归集：</translation>
    </message>
    <message>
        <source>The other accounts can go on. To include these, fix them in the account list (Sign in again…), then press Remove contacts who have left… again.</source>
        <translation>其他账户可以继续。如需包括这些账户，请在账户列表中修复它们（重新登录…），然后再次点击“移除已离开的联系人…”。</translation>
    </message>
    <message>
        <source>The other accounts can go on. To include these, fix them in the account list (Sign in again…), then press Consolidate… again.</source>
        <translation>其他账户可以继续。如需包括这些账户，请在账户列表中修复它们（重新登录…），然后再次点击“归集…”。</translation>
    </message>
    <message>
        <source>The accounts could not be read because of an unexpected error, so the consolidation did not open. Nothing was changed. Try again; the log has the details.</source>
        <translation>由于意外错误，无法读取账户，因此没有打开归集。没有做任何更改。请重试；详细信息见日志。</translation>
    </message>
</context>
</TS>
