<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../fieldlog/ui/window_dialogs.py" line="75"/>
        <source>About FieldLog</source>
        <translation>关于 FieldLog</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/window_dialogs.py" line="78"/>
        <source>An offline logbook for investment-promotion teams dispatched to another city: visits, leads, projects, funds in place and the weekly return.</source>
        <translation>面向异地驻点招商工作队的离线工作日志：记录走访、线索、项目和到位资金，并生成周报。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/window_dialogs.py" line="86"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/window_dialogs.py" line="87"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/window_dialogs.py" line="88"/>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/window_dialogs.py" line="92"/>
        <source>FieldLog {version}</source>
        <translation>FieldLog {version} 驻点招商走访日志</translation>
    </message>
</context>
<context>
    <name>Amounts</name>
    <message>
        <location filename="../../fieldlog/ui/amounts.py" line="18"/>
        <source>× 10k yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/amounts.py" line="23"/>
        <source>× 100M yuan</source>
        <translation>亿元</translation>
    </message>
</context>
<context>
    <name>AssessmentTab</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="34"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="35"/>
        <source>Phase two</source>
        <translation>二期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="37"/>
        <source>Capital increase</source>
        <translation>增资</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="74"/>
        <source>Assessment</source>
        <translation>考核</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="75"/>
        <source>Project kind</source>
        <translation>项目类型</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="76"/>
        <source>Fund origin</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="77"/>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="152"/>
        <source>Entered statistics (入库)</source>
        <translation>入库日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="78"/>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="153"/>
        <source>Above scale (入规)</source>
        <translation>入规日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="79"/>
        <source>Investor contact</source>
        <translation>投资方联系人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="80"/>
        <source>Project content</source>
        <translation>项目内容</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="81"/>
        <source>Investor&apos;s demands</source>
        <translation>投资方诉求</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="144"/>
        <source>Counted in the assessment</source>
        <translation>计入考核</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="146"/>
        <source>Not counted: {0}</source>
        <translation>不计入：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_assessment.py" line="158"/>
        <source>{0}: write the date as yyyy-mm-dd</source>
        <translation>{0}：请按 yyyy-mm-dd 填写日期</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="126"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="127"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="128"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="129"/>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="130"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="132"/>
        <source>Downscale large photos</source>
        <translation>缩小大照片</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="135"/>
        <source>Store photos larger than 2048 pixels smaller, as JPEG (saves space).</source>
        <translation>长边超过 2048 像素的照片缩小后以 JPEG 保存（节省空间）。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="139"/>
        <source>Caption of the selected file</source>
        <translation>所选文件的说明</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="140"/>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="244"/>
        <source>Attached when the visit is saved</source>
        <translation>保存走访时一并保存</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="250"/>
        <source>Attachments ({n})</source>
        <translation>附件（{n}）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="256"/>
        <source>Card: {name}</source>
        <translation>名片：{name}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="281"/>
        <source>Saved as soon as they are added or deleted (Cancel does not take them back).</source>
        <translation>添加或删除后立即保存（“取消”不会撤回）。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="284"/>
        <source>Files added now are attached when the visit is saved.</source>
        <translation>现在添加的文件会在保存走访时一并保存。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="286"/>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="379"/>
        <source>Files can be added after the first save.</source>
        <translation>首次保存后才能添加文件。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="291"/>
        <source>Drop photos, PDFs or Office files here, paste them (Ctrl+V), or use Add files…</source>
        <translation>把照片、PDF 或 Office 文件拖到这里，或粘贴（Ctrl+V），或点“添加文件…”</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="344"/>
        <source>Photos, PDFs and Office files</source>
        <translation>照片、PDF 和 Office 文件</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="347"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="348"/>
        <source>PDF documents</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="349"/>
        <source>Office files</source>
        <translation>Office 文件</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="351"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="356"/>
        <source>Attach files</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="393"/>
        <source>Attach {n} file(s)</source>
        <translation>添加 {n} 个附件</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="407"/>
        <source>The clipboard holds no file or picture to attach.</source>
        <translation>剪贴板里没有可添加的文件或图片。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="413"/>
        <source>Pasted picture</source>
        <translation>粘贴图片</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="436"/>
        <source>No program on this computer opens {name}; use Save a copy.</source>
        <translation>这台电脑上没有能打开 {name} 的程序，请用“另存副本”。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="460"/>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="505"/>
        <source>Delete attachment {names}</source>
        <translation>删除附件 {names}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="510"/>
        <source>Deleted {names}.</source>
        <translation>已删除 {names}。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="511"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/attachment_strip.py" line="539"/>
        <source>Caption of {name}</source>
        <translation>{name} 的说明</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/attachment_viewer.py" line="91"/>
        <source>Previous picture (Left)</source>
        <translation>上一张（←）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/attachment_viewer.py" line="92"/>
        <source>Next picture (Right)</source>
        <translation>下一张（→）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/attachment_viewer.py" line="93"/>
        <source>Zoom out (−)</source>
        <translation>缩小（−）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/attachment_viewer.py" line="94"/>
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/attachment_viewer.py" line="95"/>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/attachment_viewer.py" line="95"/>
        <source>Fit to the window (0)</source>
        <translation>适合窗口（0）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/attachment_viewer.py" line="117"/>
        <source>{n} of {count}</source>
        <translation>第 {n} 张，共 {count} 张</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/attachment_viewer.py" line="119"/>
        <source>{name} cannot be shown here; use Open or Save a copy.</source>
        <translation>{name} 无法在这里显示，请用“打开”或“另存副本”。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/attachment_viewer.py" line="138"/>
        <source>This picture cannot be shown.</source>
        <translation>这张图片无法显示。</translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="72"/>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="73"/>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="74"/>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="75"/>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="76"/>
        <source>before a sync import</source>
        <translation>同步导入前</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="77"/>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="78"/>
        <source>before a restore (damaged file)</source>
        <translation>恢复前（已损坏的文件）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="94"/>
        <source>Backups</source>
        <extracomment>The database&apos;s password: its backups are encrypted with it when it is encrypted.</extracomment>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="96"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="96"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="96"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="97"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="127"/>
        <source>Good</source>
        <translation>完好</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="129"/>
        <source>Cannot be used</source>
        <translation>无法使用</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="151"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="154"/>
        <source>FieldLog backs up {name} once a day while it is open, and before every upgrade, import, sync import and restore.</source>
        <translation>FieldLog 在打开期间每天备份一次 {name}，并在每次升级、导入、同步导入和恢复之前自动备份。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="162"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="164"/>
        <source>&amp;Restore selected…</source>
        <translation>恢复所选备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="166"/>
        <source>Show in &amp;folder</source>
        <translation>在文件夹中显示(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="201"/>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="204"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="216"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/backups_dialog.py" line="218"/>
        <source>Replace the open database with the backup of {date}?

The current database is kept as a backup first, so this can be undone by restoring that one.</source>
        <translation>用 {date} 的备份替换当前打开的数据库吗？

当前数据库会先保存为一份备份，之后可以恢复那份备份来撤销此操作。</translation>
    </message>
</context>
<context>
    <name>BriefDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="51"/>
        <source>Export the work briefing</source>
        <translation>导出工作简报</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="66"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="66"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="66"/>
        <source>Dates</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="73"/>
        <source>&amp;Generate the text</source>
        <translation>生成文字(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="76"/>
        <source>The week or month of:</source>
        <translation>所在周或月的日期：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="77"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="90"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="92"/>
        <source>Text of the briefing</source>
        <translation>简报正文</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="95"/>
        <source>One paragraph per line (blank lines are left out). A line such as 一、… is a section heading; the chart goes before the first heading.</source>
        <translation>每行一段（空行不计）。以“一、”等开头的行是标题；图表放在第一个标题之前。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="109"/>
        <source>&amp;Save as Word document…</source>
        <translation>保存为 Word 文档(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="113"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="118"/>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="119"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/brief_dialog.py" line="177"/>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
</context>
<context>
    <name>BureauDashboard</name>
    <message>
        <location filename="../../fieldlog/ui/bureau/bureau_dashboard.py" line="61"/>
        <source>{bureau}: all teams</source>
        <translation>{bureau}：全部工作队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/bureau_dashboard.py" line="71"/>
        <source>All recorded work (each team&apos;s dispatch period is on its own view)</source>
        <translation>全部已记录的工作（各队的驻点期间请在该队的视图中查看）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/bureau_dashboard.py" line="73"/>
        <source>{caption} An enterprise several teams visited counts once.</source>
        <translation>{caption}多个工作队走访的同一企业只计一次。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/bureau_dashboard.py" line="87"/>
        <source>&lt;b&gt;Teams&lt;/b&gt; by contract amount, against their own targets on {day}</source>
        <translation>&lt;b&gt;各工作队&lt;/b&gt;（按合同投资额排序，对照各队自己的目标，截至 {day}）</translation>
    </message>
</context>
<context>
    <name>BureauExportDialog</name>
    <message>
        <location filename="../../fieldlog/ui/bureau/bureau_export_dialog.py" line="29"/>
        <source>Export the teams&apos; weekly returns</source>
        <translation>导出各队周报</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/bureau_export_dialog.py" line="33"/>
        <source>One workbook for the week: 各工作队汇总 (one row per team, and the total of all teams with an enterprise several teams visited counted once), then each team&apos;s own weekly return.</source>
        <translation>一周一个工作簿：先是各工作队汇总（每队一行，以及各队合计，多个工作队走访的同一企业只计一次），然后是各队自己的周报。</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/calendar_dialog.py" line="48"/>
        <source>Export the follow-ups</source>
        <translation>导出跟进事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/calendar_dialog.py" line="51"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/calendar_dialog.py" line="51"/>
        <source>My group</source>
        <translation>本组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/calendar_dialog.py" line="51"/>
        <source>Whole team</source>
        <translation>全队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/calendar_dialog.py" line="73"/>
        <source>One all-day event per follow-up, reminded at 09:00 the day before; overdue ones are put on today. Importing a newer file updates the events.</source>
        <translation>每项跟进为一个全天日程，前一天 09:00 提醒；逾期的放在今天。再次导入较新的文件会更新这些日程，不会重复。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/calendar_dialog.py" line="87"/>
        <source>&amp;Save as calendar (.ics)…</source>
        <translation>保存为日历文件 (.ics)(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/calendar_dialog.py" line="92"/>
        <source>This &amp;week&apos;s list (picture)…</source>
        <translation>本周跟进清单（图片）(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/calendar_dialog.py" line="95"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/calendar_dialog.py" line="101"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/calendar_dialog.py" line="105"/>
        <source>&amp;Whose:</source>
        <translation>范围(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/calendar_dialog.py" line="106"/>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/calendar_dialog.py" line="147"/>
        <source>Calendar (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/calendar_dialog.py" line="170"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="162"/>
        <source>Business card — {file}</source>
        <extracomment>One card at a time: the engine is loaded once and is not shared between threads. The line edits of the proposal, by the field they hold (their objectNames are card + Field).</extracomment>
        <translation>名片 — {file}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="172"/>
        <source>The organization this card is read for.</source>
        <translation>这张名片所属的单位。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="190"/>
        <source>This photo cannot be shown.</source>
        <translation>无法显示这张照片。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="202"/>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="203"/>
        <source>As on the card, if it shows one</source>
        <translation>名片上若印有，照填</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="204"/>
        <source>Organization:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="209"/>
        <source>Reading the card</source>
        <translation>正在识别名片</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="214"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="238"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="239"/>
        <source>&amp;Title:</source>
        <translation>职务(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="240"/>
        <source>&amp;Mobile:</source>
        <translation>手机(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="241"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="242"/>
        <source>&amp;Email:</source>
        <translation>邮箱(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="243"/>
        <source>&amp;Company:</source>
        <translation>公司(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="248"/>
        <source>On file:</source>
        <translation>已有单位：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="250"/>
        <source>A new organization named as the company</source>
        <translation>新建单位，名称同公司</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="263"/>
        <source>Credit code:</source>
        <translation>信用代码：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="288"/>
        <source>The card names {name}, another organization on file.</source>
        <translation>名片上的公司是已有的另一家单位：{name}。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="292"/>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="297"/>
        <source>Check the fields against the photo, then save.</source>
        <translation>请对照照片核对各项，再保存。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="301"/>
        <source>Found by the credit code on the card.</source>
        <translation>按名片上的信用代码找到。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="303"/>
        <source>Found by its exact name.</source>
        <translation>按完全相同的名称找到。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="304"/>
        <source>A look-alike of the card&apos;s company: check it is the same organization.</source>
        <translation>与名片上的公司名称相近：请确认是同一家单位。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="314"/>
        <source>Chosen by you.</source>
        <translation>由您选择。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="321"/>
        <source>You can type the contact from the photo by hand.</source>
        <translation>可以对照照片手工填写联系人。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="327"/>
        <source>Meanwhile, type the contact by hand.</source>
        <translation>在此之前，请手工填写联系人。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="333"/>
        <source>Reading the card…</source>
        <translation>正在识别名片…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="352"/>
        <source>Choose an organization on file, or a new organization.</source>
        <translation>请选择已有单位，或新建单位。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_dialog.py" line="367"/>
        <source>Save business card of {name}</source>
        <translation>保存{name}的名片</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="264"/>
        <source>Read business cards</source>
        <translation>读取名片</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="266"/>
        <source>Read the cards in photos you pick, or every photo in a folder?</source>
        <translation>读取您选中的照片中的名片，还是读取一个文件夹里的全部照片？</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="268"/>
        <source>&amp;Photos…</source>
        <translation>选择照片(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="269"/>
        <source>A &amp;folder…</source>
        <translation>选择文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="276"/>
        <source>Photos ({patterns})</source>
        <translation>照片 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="279"/>
        <source>Business card photos</source>
        <translation>名片照片</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="283"/>
        <source>A folder of business card photos</source>
        <translation>名片照片所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="292"/>
        <source>There are no photos in {folder}.</source>
        <translation>{folder} 中没有照片。</translation>
    </message>
</context>
<context>
    <name>CardFolderDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="80"/>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="105"/>
        <source>Business cards</source>
        <extracomment>The setting that remembers the folder card photos were last picked from.</extracomment>
        <translation>名片</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="93"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="93"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="93"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="93"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="94"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="110"/>
        <source>%v of %m read</source>
        <translation>已读取 %v / %m</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="111"/>
        <source>&amp;Cancel reading</source>
        <translation>取消读取(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="114"/>
        <source>Double-click a card (or press Enter) to check it and save it.</source>
        <translation>双击一张名片（或按回车）进行核对并保存。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="145"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="187"/>
        <source>Read: check and save</source>
        <translation>已读取：请核对并保存</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="189"/>
        <source>Unreadable: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="191"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="193"/>
        <source>Not read: open it to read it</source>
        <translation>未读取：打开即读取</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/card_folder_dialog.py" line="194"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
</context>
<context>
    <name>ChainEditDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="52"/>
        <source>Edit industry chains</source>
        <extracomment>The chains and links, and how many organizations and projects are filed under each.</extracomment>
        <translation>编辑产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="58"/>
        <source>Chains</source>
        <translation>产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="60"/>
        <source>Links of the chain</source>
        <translation>产业链环节</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="61"/>
        <source>Link</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="61"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="79"/>
        <source>&amp;Chains</source>
        <translation>产业链(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="81"/>
        <source>&amp;Links (upstream, midstream, downstream)</source>
        <translation>环节（上游、中游、下游）(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="91"/>
        <source>Enter or F2 edits, Delete deletes, Ctrl+Z undoes (later too: Edit ▸ Undo).</source>
        <translation>Enter 或 F2 编辑，Delete 删除，Ctrl+Z 撤销（之后也可用：编辑 ▸ 撤销）。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="108"/>
        <source>&amp;Add chain…</source>
        <translation>新增产业链(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="109"/>
        <source>&amp;Rename chain…</source>
        <translation>重命名产业链(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="110"/>
        <source>&amp;Delete chain</source>
        <translation>删除产业链(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="115"/>
        <source>Add lin&amp;k…</source>
        <translation>新增环节(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="116"/>
        <source>&amp;Edit link…</source>
        <translation>编辑环节(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="117"/>
        <source>Dele&amp;te link</source>
        <translation>删除环节(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="219"/>
        <source>Add chain %1</source>
        <translation>新增产业链 %1</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="222"/>
        <source>Add a chain</source>
        <translation>新增产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="236"/>
        <source>Rename chain %1</source>
        <translation>重命名产业链 %1</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="241"/>
        <source>Rename the chain</source>
        <translation>重命名产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="253"/>
        <source>Delete chain %1</source>
        <translation>删除产业链 %1</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="276"/>
        <source>Add link %1</source>
        <translation>新增环节 %1</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="281"/>
        <source>Add a link</source>
        <translation>新增环节</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="297"/>
        <source>Change link %1</source>
        <translation>修改环节 %1</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="302"/>
        <source>Edit the link</source>
        <translation>编辑环节</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_edit_dialog.py" line="312"/>
        <source>Delete link %1</source>
        <translation>删除环节 %1</translation>
    </message>
</context>
<context>
    <name>ChainLinkDetail</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="58"/>
        <source>Organizations of the link</source>
        <extracomment>Role holding a row&apos;s record id.</extracomment>
        <translation>该环节的走访对象</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="59"/>
        <source>Organization</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="59"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="59"/>
        <source>Visited</source>
        <translation>已走访</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="59"/>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="63"/>
        <source>Projects of the link</source>
        <translation>该环节的项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="64"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="64"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="64"/>
        <source>Amount (10k yuan)</source>
        <translation>金额（万元）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="67"/>
        <source>Contract amount for signed projects, planned investment for the others</source>
        <translation>已签约项目为合同投资额，其他项目为计划投资额</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="74"/>
        <source>Choose a link above to list its organizations and projects.</source>
        <translation>在上方选择一个环节，查看其走访对象和项目。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="95"/>
        <source>&amp;Organizations (%1)</source>
        <translation>走访对象（%1）(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="97"/>
        <source>— the first %1 shown</source>
        <translation>— 仅显示前 %1 个</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="99"/>
        <source>&amp;Projects (%1)</source>
        <translation>项目（%1）(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="108"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="108"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_detail.py" line="119"/>
        <source>%1 (signed)</source>
        <translation>%1（已签约）</translation>
    </message>
</context>
<context>
    <name>ChainLinkTile</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_tile.py" line="107"/>
        <source>Not tied to a link</source>
        <translation>未归入环节</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_tile.py" line="134"/>
        <source>under %1</source>
        <translation>隶属 %1</translation>
    </message>
</context>
<context>
    <name>ChainMapView</name>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="87"/>
        <source>Count organizations as visited</source>
        <extracomment>What the map counts: the chains and links, and the organizations, visits, projects on them.</extracomment>
        <translation>走访统计范围</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="89"/>
        <source>&amp;Edit chains…</source>
        <translation>编辑产业链(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="92"/>
        <source>&amp;Visited:</source>
        <translation>走访范围(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="103"/>
        <source>Industry chains</source>
        <translation>产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="158"/>
        <source>GAP — to fill (补链): no open and no signed project</source>
        <translation>待补链：没有在谈项目，也没有签约项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="159"/>
        <source>In talks: open projects, none signed</source>
        <translation>在谈：有在谈项目，尚无签约</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="160"/>
        <source>Signed: at least one signed project</source>
        <translation>已签约：至少一个签约项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="203"/>
        <source>All time</source>
        <translation>累计</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="205"/>
        <source>During the dispatch period (%1)</source>
        <translation>驻点期间（%1）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="232"/>
        <source>gaps: %1</source>
        <translation>待补链 %1</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="292"/>
        <source>No chains yet: use “Edit chains…” to add one.</source>
        <translation>尚无产业链：请用“编辑产业链…”新增。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="300"/>
        <source>gaps to fill, of %1 links</source>
        <translation>个待补链环节（共 %1 个环节）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="301"/>
        <source>organizations, %1 visited</source>
        <translation>个走访对象，已走访 %1 个</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="303"/>
        <source>open projects, %1 planned</source>
        <translation>个在谈项目，计划总投资 %1</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="304"/>
        <source>signed, %1 contract</source>
        <translation>个签约项目，合同投资额 %1</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="310"/>
        <source>100M yuan funds in place</source>
        <translation>亿元到位资金</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/chain_map_view.py" line="327"/>
        <source>Choose a link to list its organizations and projects.</source>
        <translation>选择一个环节，查看其走访对象和项目。</translation>
    </message>
</context>
<context>
    <name>Combo</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/combo_values.py" line="26"/>
        <source>Unknown ({0})</source>
        <translation>未知（{0}）</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="115"/>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="115"/>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="126"/>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="127"/>
        <source>&amp;Title:</source>
        <translation>职务(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="128"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="129"/>
        <source>E-&amp;mail:</source>
        <translation>邮箱(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="130"/>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="156"/>
        <source>This is not a phone number.</source>
        <translation>这不是有效的电话号码。</translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/member_picker.py" line="121"/>
        <source>Contacts met</source>
        <translation>会见联系人</translation>
    </message>
</context>
<context>
    <name>ContactsBox</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_contacts.py" line="34"/>
        <location filename="../../fieldlog/ui/dialogs/visit_contacts.py" line="35"/>
        <source>New contact&apos;s name</source>
        <translation>新联系人姓名</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_contacts.py" line="37"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_contacts.py" line="38"/>
        <source>New contact&apos;s title</source>
        <translation>新联系人职务</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_contacts.py" line="39"/>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_contacts.py" line="81"/>
        <source>Enter the contact&apos;s name.</source>
        <translation>请输入联系人姓名。</translation>
    </message>
</context>
<context>
    <name>CoordinationPanel</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="125"/>
        <source>Matter</source>
        <translation>协调事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="125"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="125"/>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="126"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="126"/>
        <source>Resolved on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="126"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="128"/>
        <source>Matters to coordinate</source>
        <translation>需协调解决事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="135"/>
        <source>&amp;Add matter…</source>
        <translation>新增事项(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="136"/>
        <source>&amp;Edit matter…</source>
        <translation>修改事项(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="137"/>
        <source>Mark &amp;resolved</source>
        <translation>办结(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="138"/>
        <source>Re&amp;open</source>
        <translation>重新打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="139"/>
        <source>De&amp;lete matter</source>
        <translation>删除事项(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="173"/>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="173"/>
        <source>Resolved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="227"/>
        <source>Add matter</source>
        <translation>新增协调事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="250"/>
        <source>Edit matter</source>
        <translation>修改协调事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="264"/>
        <source>Resolve matter</source>
        <translation>办结协调事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="276"/>
        <source>Reopen matter</source>
        <translation>重新打开协调事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="288"/>
        <source>Delete matter</source>
        <translation>删除协调事项</translation>
    </message>
</context>
<context>
    <name>CountyList</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/county_list.py" line="34"/>
        <location filename="../../fieldlog/ui/widgets/county_list.py" line="56"/>
        <source>Home counties</source>
        <translation>派出区县</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/county_list.py" line="39"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/county_list.py" line="40"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/county_list.py" line="41"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/county_list.py" line="42"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/county_list.py" line="43"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>CreditCodeEdit</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/credit_code_edit.py" line="27"/>
        <source>A credit code has 18 characters; this one has {n}.</source>
        <translation>统一社会信用代码应为 18 位，当前为 {n} 位。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/credit_code_edit.py" line="32"/>
        <source>Character {char} at position {pos} is not allowed (I, O, S, V and Z are never used).</source>
        <translation>第 {pos} 位字符 {char} 无效（代码中不使用 I、O、S、V、Z）。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/credit_code_edit.py" line="38"/>
        <source>The check character should be {expected}, not {found}: a character was probably mistyped.</source>
        <translation>校验位应为 {expected}，而不是 {found}：可能有字符输错。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/credit_code_edit.py" line="54"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/credit_code_edit.py" line="55"/>
        <source>18 characters, e.g. 91350100M000100Y43</source>
        <translation>18 位，如 91350100M000100Y43</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="108"/>
        <source>Visits per week</source>
        <extracomment>Up to this many weeks every bar gets its own label; beyond, every few weeks only. Up to this many weeks each label also shows the week&apos;s first and last day.</extracomment>
        <translation>每周走访</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="109"/>
        <source>Projects by stage</source>
        <translation>各阶段项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="110"/>
        <source>Contract amount and funds by chain</source>
        <translation>各产业链合同投资额与到位资金</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="116"/>
        <source>Visits per ISO week</source>
        <translation>每周走访次数</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="119"/>
        <source>Projects by current stage</source>
        <translation>项目当前阶段分布</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="120"/>
        <source>Contract amount and funds in place by chain</source>
        <translation>各产业链合同投资额与到位资金</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="162"/>
        <source>Grey: the weeks before the chosen period</source>
        <translation>灰色：所选期间之前的周</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="166"/>
        <source>{week} ({start} – {end}): {visits} visits</source>
        <translation>{week}（{start} – {end}）：走访 {visits} 次</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="190"/>
        <source>Main line</source>
        <translation>主流程</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="191"/>
        <source>Paused or dropped</source>
        <translation>暂停或终止</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="206"/>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="230"/>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="249"/>
        <source>No chain</source>
        <translation>未归入产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="238"/>
        <source>Amount (100M yuan)</source>
        <translation>金额（亿元）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/dashboard_charts.py" line="240"/>
        <source>Amount (10k yuan)</source>
        <translation>金额（万元）</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="58"/>
        <source>&amp;Targets…</source>
        <extracomment>The figures count every kind of work, against the targets, by member and group.</extracomment>
        <translation>目标任务(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="59"/>
        <source>Set targets</source>
        <translation>设置目标任务</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="82"/>
        <source>Rank by</source>
        <translation>排名依据</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="83"/>
        <source>By work group</source>
        <translation>按工作组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="84"/>
        <source>By member</source>
        <translation>按队员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="85"/>
        <source>By home county</source>
        <translation>按派出区县</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="165"/>
        <source>This week: {week}, {period}</source>
        <translation>本周：{week}，{period}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="168"/>
        <source>This month: {period}</source>
        <translation>本月：{period}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="169"/>
        <source>This year: {period}</source>
        <translation>本年：{period}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="172"/>
        <source>Large figures: the period chosen above. Small figures: all time. Counted by the rules of the weekly return.</source>
        <translation>大字：上方所选期间；小字：累计。统计口径与工作周报一致。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="182"/>
        <source>&lt;b&gt;Targets&lt;/b&gt; running on {day}</source>
        <translation>&lt;b&gt;目标任务&lt;/b&gt;（{day} 在执行）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="184"/>
        <source>&lt;b&gt;Targets&lt;/b&gt; as at {day}, the end of the period</source>
        <translation>&lt;b&gt;目标任务&lt;/b&gt;（截至期末 {day}）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="190"/>
        <source>No target runs on this day; the team leader sets targets with the Targets button.</source>
        <translation>当天没有在执行的目标任务；队长可用“目标任务”按钮设置。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="199"/>
        <source>&lt;b&gt;Rankings&lt;/b&gt; ({period})</source>
        <translation>&lt;b&gt;排名&lt;/b&gt;（{period}）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/dashboard_page.py" line="201"/>
        <source>&lt;b&gt;Rankings&lt;/b&gt; (all time)</source>
        <translation>&lt;b&gt;排名&lt;/b&gt;（累计）</translation>
    </message>
</context>
<context>
    <name>DatabasePasswordDialog</name>
    <message>
        <location filename="../../fieldlog/ui/database_password_dialog.py" line="48"/>
        <source>Encrypted database</source>
        <translation>加密的数据库</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/database_password_dialog.py" line="50"/>
        <source>{name} is encrypted. Type its password to open it.</source>
        <translation>{name} 已加密。请输入它的密码以打开。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/database_password_dialog.py" line="54"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/database_password_dialog.py" line="68"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/database_password_dialog.py" line="83"/>
        <source>Type the database&apos;s password.</source>
        <translation>请输入数据库的密码。</translation>
    </message>
</context>
<context>
    <name>DecryptDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/encryption_dialogs.py" line="127"/>
        <source>Remove encryption</source>
        <translation>取消加密</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/encryption_dialogs.py" line="130"/>
        <source>Without encryption, anyone who has this laptop or a copy of the file can read the visits and contacts. The backups are decrypted too.</source>
        <translation>不加密时，任何拿到这台电脑或文件副本的人都能读取走访记录和联系人。备份也会一并解密。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/encryption_dialogs.py" line="135"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/encryption_dialogs.py" line="140"/>
        <source>&amp;Remove encryption</source>
        <translation>取消加密(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/encryption_dialogs.py" line="146"/>
        <source>Current &amp;password:</source>
        <translation>当前密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/encryption_dialogs.py" line="159"/>
        <source>Type the database&apos;s current password.</source>
        <translation>请输入数据库的当前密码。</translation>
    </message>
</context>
<context>
    <name>EncryptDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/encryption_dialogs.py" line="52"/>
        <source>Encrypt database</source>
        <translation>加密数据库</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/encryption_dialogs.py" line="55"/>
        <source>Encryption protects the visits and contacts if this laptop or a copy of the file is lost or stolen: without the password nobody can read them.
Nobody can recover a forgotten password, not FieldLog and not your team leader: without it the data is lost.</source>
        <translation>加密后，即使这台电脑或文件副本丢失、被盗，没有密码谁也读不了走访记录和联系人。
忘记的密码任何人都无法找回，FieldLog 不能，队长也不能：没有密码，数据就丢失了。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/encryption_dialogs.py" line="66"/>
        <source>Encrypt the {count} existing backups too</source>
        <translation>同时加密现有的 {count} 个备份</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/encryption_dialogs.py" line="69"/>
        <source>Delete them</source>
        <translation>删除这些备份</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/encryption_dialogs.py" line="74"/>
        <source>&amp;Encrypt</source>
        <translation>加密(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/encryption_dialogs.py" line="85"/>
        <source>This database has backups that are not encrypted:</source>
        <translation>此数据库有未加密的备份：</translation>
    </message>
</context>
<context>
    <name>EncryptNewBox</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/encrypt_new.py" line="21"/>
        <source>Encrypt this database with a password</source>
        <translation>用密码加密此数据库</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/encrypt_new.py" line="43"/>
        <source>A lost laptop then shows nothing without the password; nobody can recover a forgotten one.</source>
        <translation>这样电脑丢失时，没有密码什么也看不到；忘记的密码任何人都无法找回。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/encrypt_new.py" line="50"/>
        <source>Not encrypted: anyone who has this laptop or a copy of the file can read it (File ▸ Encrypt database… can do it later).</source>
        <translation>不加密：任何拿到这台电脑或文件副本的人都能读取（以后可用“文件 ▸ 加密数据库…”加密）。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="77"/>
        <source>&amp;From:</source>
        <translation>起始日期(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="78"/>
        <source>&amp;To:</source>
        <translation>截止日期(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="84"/>
        <source>Export the weekly return</source>
        <translation>导出周报</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="85"/>
        <source>Export the project ledger</source>
        <translation>导出项目台账</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="86"/>
        <source>Export the organization directory</source>
        <translation>导出企业与商协会名录</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="87"/>
        <source>Export visits</source>
        <translation>导出走访记录</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="94"/>
        <source>The weekly return for the home bureau: the summary with this week&apos;s, this month&apos;s and cumulative figures, the week&apos;s visits, the ledger and funds in place.</source>
        <translation>报送派出单位的周报：含本周、本月及累计数据的汇总表，本周走访记录，项目台账和到位资金。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="97"/>
        <source>Every project that has not been dropped, with its figures.</source>
        <translation>所有未终止的项目及其各项数据。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="98"/>
        <source>Every organization, targets first, with its contacts.</source>
        <translation>全部企业与单位及其联系人，目标企业排在前面。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="99"/>
        <source>The visits dated in the chosen period, one per row.</source>
        <translation>所选期间内的走访记录，每次走访一行。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="114"/>
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="117"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="120"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="125"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="127"/>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="137"/>
        <source>&amp;Year</source>
        <translation>年(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="138"/>
        <source>&amp;Week</source>
        <translation>周(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="145"/>
        <source>ISO week:</source>
        <translation>ISO 周：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="147"/>
        <source>Cumulative &amp;since:</source>
        <translation>累计起始日期(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="188"/>
        <source>{week}: {monday} – {sunday}</source>
        <translation>{week}：{monday} 至 {sunday}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="193"/>
        <source>Otherwise from the dispatch start, {day}.</source>
        <translation>不勾选则从驻点开始日 {day} 起累计。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="196"/>
        <source>Otherwise from 1 January, {day}.</source>
        <translation>不勾选则从 1 月 1 日（{day}）起累计。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="231"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="238"/>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/export_dialog.py" line="249"/>
        <source>&lt;b&gt;Written:&lt;/b&gt; {path}</source>
        <translation>&lt;b&gt;已保存：&lt;/b&gt;{path}</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="78"/>
        <source>Whose follow-ups</source>
        <extracomment>Role holding the FollowUpItem of a row (None on section headers). Role holding the section key on a section&apos;s &quot;more&quot; row. Follow-ups a section shows at first, and adds each time its &quot;more&quot; row is activated. What is due: visits&apos; follow-ups and projects, their organizations and the people on them.</extracomment>
        <translation>跟进事项范围</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="80"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="80"/>
        <source>My group</source>
        <translation>本组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="80"/>
        <source>Whole team</source>
        <translation>全队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="85"/>
        <source>Follow-ups</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="88"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="89"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="90"/>
        <source>Organization</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="91"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="92"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="93"/>
        <source>Subject</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="106"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="164"/>
        <source>Overdue (%n)</source>
        <translation>
            <numerusform>已逾期（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="165"/>
        <source>Today (%n)</source>
        <translation>
            <numerusform>今日到期（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="167"/>
        <source>This week (%n)</source>
        <translation>
            <numerusform>本周（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="207"/>
        <source>%1 more — press Enter to show %2 more</source>
        <translation>还有 %1 项 — 按 Enter 再显示 %2 项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="217"/>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/follow_ups_view.py" line="217"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
</context>
<context>
    <name>GroupsTable</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/team_tables.py" line="165"/>
        <source>Work groups</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/team_tables.py" line="166"/>
        <source>Work group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/team_tables.py" line="166"/>
        <source>Chain</source>
        <translation>产业链</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/help_dialogs.py" line="38"/>
        <location filename="../../fieldlog/ui/dialogs/help_dialogs.py" line="42"/>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
</context>
<context>
    <name>HeadlinePanel</name>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="128"/>
        <source>No team set up yet</source>
        <extracomment>The figures shown under the team&apos;s assessment scope too (考核口径), by their key there.</extracomment>
        <translation>尚未设置工作队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="148"/>
        <source>Assessment scope: {amount} (100M yuan)</source>
        <translation>考核口径 {amount} 亿元</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="150"/>
        <source>Assessment scope: {count}</source>
        <translation>考核口径 {count} 个</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="160"/>
        <source>No dispatch period set: figures cover all recorded work</source>
        <translation>未设置驻点期间：数据为全部已录入工作的累计</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="162"/>
        <source>Dispatch period: {period}</source>
        <translation>驻点期间：{period}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="163"/>
        <source>Dispatch period: {period} ({days} days)</source>
        <translation>驻点期间：{period}（共 {days} 天）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="169"/>
        <source>Counted by the rules of the weekly return, over all recorded work.</source>
        <translation>统计口径同周报，范围为全部已录入工作。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="171"/>
        <source>Large figures: the dispatch period. Small figures: all time. Counted by the rules of the weekly return.</source>
        <translation>大字为驻点期间数据，小字为累计数据。统计口径同周报。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="192"/>
        <source>All time</source>
        <translation>累计</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="141"/>
        <source>{caption}: {value}</source>
        <translation>{caption}：{value}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/history_dialog.py" line="25"/>
        <source>History — {0}</source>
        <translation>历史记录 — {0}</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="33"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="34"/>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="47"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="35"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="36"/>
        <source>Region</source>
        <translation>所在区域</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="37"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="38"/>
        <source>Chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="39"/>
        <source>Link</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="40"/>
        <source>On the target list</source>
        <translation>列入目标清单</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="41"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="42"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="43"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="44"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="45"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="46"/>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="65"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="48"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="49"/>
        <source>Summary</source>
        <translation>走访内容</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="50"/>
        <source>Intent</source>
        <translation>意向</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="51"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="52"/>
        <source>Investor</source>
        <translation>投资方</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="53"/>
        <source>Role in the chain</source>
        <translation>链上角色</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="54"/>
        <source>Planned investment</source>
        <translation>计划投资额</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="55"/>
        <source>Contract amount</source>
        <translation>合同投资额</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="56"/>
        <source>Form of signing</source>
        <translation>签约形式</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="57"/>
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="58"/>
        <source>Landing county</source>
        <translation>落地区县</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="59"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="60"/>
        <source>Work group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="61"/>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="62"/>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="63"/>
        <source>Next step</source>
        <translation>下一步工作</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="64"/>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="85"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="66"/>
        <source>Member</source>
        <translation>队员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="67"/>
        <source>Received on</source>
        <translation>到位日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="68"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="69"/>
        <source>Origin</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="70"/>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="71"/>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="72"/>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="83"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="73"/>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="84"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="81"/>
        <source>Visitor</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="82"/>
        <source>Contact met</source>
        <translation>会见联系人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="86"/>
        <source>Tranche</source>
        <translation>到位资金</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="87"/>
        <source>Matter to coordinate</source>
        <translation>需协调事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="88"/>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="98"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="112"/>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="114"/>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="117"/>
        <source>present</source>
        <translation>在列</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="119"/>
        <source>live</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="131"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="133"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="148"/>
        <source>edited here</source>
        <translation>本机修改</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="149"/>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="150"/>
        <source>received</source>
        <translation>同步收到</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="167"/>
        <source>When</source>
        <extracomment>The records that have a history, by the table name the panel is given.</extracomment>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="167"/>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="167"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="168"/>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="168"/>
        <source>To</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="168"/>
        <source>How</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="170"/>
        <source>Change history</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="172"/>
        <source>No changes recorded on this laptop yet.</source>
        <translation>本机尚未记录任何修改。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="174"/>
        <source>&amp;Restore earlier value</source>
        <translation>恢复原值(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="177"/>
        <source>Write the selected change&apos;s earlier value back, as a new change</source>
        <translation>把所选修改之前的值写回，作为一次新的修改</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/history_panel.py" line="245"/>
        <source>Restore earlier value</source>
        <translation>恢复原值</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="68"/>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="173"/>
        <source>Import from Excel</source>
        <extracomment>What an import adds: visits (with the organizations and contacts they name), or organizations.</extracomment>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="83"/>
        <source>Choose an .xlsx file or drop one on the window</source>
        <translation>选择 .xlsx 文件，或将文件拖到窗口中</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="84"/>
        <source>File to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="85"/>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="87"/>
        <source>Organizations (target-company list)</source>
        <translation>企业与单位（目标企业库）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="88"/>
        <source>Visits (visit log)</source>
        <translation>走访（走访记录）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="89"/>
        <source>What the file holds</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="91"/>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="101"/>
        <source>&amp;Dry run: check every row, store nothing</source>
        <translation>试导入（不保存）(&amp;D)：仅逐行检查</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="103"/>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="104"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="105"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="116"/>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="117"/>
        <source>&amp;Contents:</source>
        <translation>内容(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="118"/>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="143"/>
        <source>The first rows of the sheet. Above each column, choose the field it is read into, or “— ignore —”. Fields marked * are required.</source>
        <translation>以下是工作表的前几行。请在每列上方选择该列读入的字段，或选择“— 忽略 —”。标 * 的字段为必填项。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="175"/>
        <source>Excel workbooks (*.xlsx *.xlsm);;All files (*)</source>
        <translation>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="228"/>
        <source>Headings found in row {row}.</source>
        <translation>表头位于第 {row} 行。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="275"/>
        <source>Choose the column to read {fields} from.</source>
        <translation>请为{fields}选择对应的列。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="302"/>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_dialog.py" line="302"/>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_progress.py" line="20"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_progress.py" line="22"/>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_progress.py" line="35"/>
        <source>Read {rows} rows.</source>
        <translation>已读取 {rows} 行。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_progress.py" line="39"/>
        <source>Stored {done} of {total} rows.</source>
        <translation>已保存 {done} / {total} 行。</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/join_dialog.py" line="45"/>
        <source>Join the team</source>
        <translation>加入工作队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/join_dialog.py" line="48"/>
        <source>The package “{file}” will join this laptop to its team: everything in it (the team, its members, organizations, visits and projects) comes into this database.</source>
        <translation>同步包“{file}”将让这台电脑加入它所属的工作队：包里的全部内容（工作队、队员、单位、走访和项目）都会收入这个数据库。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/join_dialog.py" line="57"/>
        <source>Type the team passphrase the team leader gave you to open the package. It is kept in this computer&apos;s password store once you join.</source>
        <translation>请输入队长告诉你的团队口令以打开同步包。加入后口令保存在本机的系统密码库中。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/join_dialog.py" line="62"/>
        <source>Type the team passphrase the team leader gave you to open the package. This computer has no password store, and FieldLog will not keep the passphrase in a file: it is kept only until FieldLog is closed, and asked again next time.</source>
        <translation>请输入队长告诉你的团队口令以打开同步包。本机没有系统密码库，FieldLog 不会把口令存在文件里：口令只保留到 FieldLog 关闭，下次会再问。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/join_dialog.py" line="76"/>
        <source>Team passphrase</source>
        <translation>团队口令</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/join_dialog.py" line="78"/>
        <source>&amp;Open the package</source>
        <translation>打开同步包(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/join_dialog.py" line="85"/>
        <source>&amp;Join the team</source>
        <translation>加入工作队(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/join_dialog.py" line="99"/>
        <source>Team &amp;passphrase:</source>
        <translation>团队口令(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/join_dialog.py" line="127"/>
        <source>Type the team passphrase the team leader gave you.</source>
        <translation>请输入队长告诉你的团队口令。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/join_dialog.py" line="144"/>
        <source>This package will join this laptop to team {team}.</source>
        <translation>这个同步包将让这台电脑加入工作队“{team}”。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/join_dialog.py" line="146"/>
        <source>This package is from team {team}, which this laptop is in.</source>
        <translation>这个同步包来自本机所在的工作队“{team}”。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/join_dialog.py" line="148"/>
        <source>This package belongs to no team; it joins this laptop to none.</source>
        <translation>这个同步包不属于任何工作队，不会让这台电脑加入工作队。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/join_dialog.py" line="150"/>
        <source>an unnamed member</source>
        <translation>未署名的队员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/join_dialog.py" line="152"/>
        <source>Made by {sender}; {records} records.</source>
        <translation>由 {sender} 制作，共 {records} 条记录。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldlog/ui/first_paint.py" line="88"/>
        <location filename="../../fieldlog/ui/main_window.py" line="90"/>
        <source>FieldLog — {name}</source>
        <extracomment>The main window&apos;s first size (main_window.DEFAULT_SIZE). How long the start waits for the window system to paint the first page, at most.</extracomment>
        <translation>驻点招商走访日志 — {name}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="113"/>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_actions.py" line="108"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="127"/>
        <source>&amp;New visit…</source>
        <extracomment>The View action of each page. The Edit action of the record selected on a page; the page is the action&apos;s data. What File ▸ Export writes, for each of its actions.</extracomment>
        <translation>新建走访(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="133"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_actions.py" line="111"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="140"/>
        <source>&amp;Weekly return…</source>
        <translation>周报(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="141"/>
        <source>Project &amp;ledger…</source>
        <translation>项目台账(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="142"/>
        <source>&amp;Organization directory…</source>
        <translation>企业与商协会名录(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="143"/>
        <source>&amp;Visit log…</source>
        <translation>走访记录(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="163"/>
        <source>Work &amp;briefing…</source>
        <translation>工作简报(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="171"/>
        <source>Follow-ups &amp;calendar…</source>
        <translation>跟进日程（日历）(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="201"/>
        <source>Load &amp;demo data…</source>
        <translation>载入演示数据(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="207"/>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="213"/>
        <source>&amp;Encrypt database…</source>
        <translation>加密数据库(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="219"/>
        <source>Remove en&amp;cryption…</source>
        <translation>取消加密(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="225"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="282"/>
        <source>Assessment scope and &amp;warning rules…</source>
        <translation>考核口径与预警规则(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="177"/>
        <source>&amp;Send my work…</source>
        <translation>发送我的工作(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="183"/>
        <source>&amp;Receive…</source>
        <translation>接收(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_actions.py" line="115"/>
        <source>S&amp;ync</source>
        <translation>同步(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="189"/>
        <source>Team &amp;passphrase…</source>
        <translation>团队口令(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="195"/>
        <source>&amp;Overview and review</source>
        <translation>同步概况与审核(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_actions.py" line="74"/>
        <source>Set up the team first, or join your team with the team leader&apos;s package from the welcome screen.</source>
        <extracomment>The objectName of File ▸ Read business cards.</extracomment>
        <translation>请先设置工作队，或在欢迎页面用队长发来的同步包加入工作队。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_actions.py" line="83"/>
        <source>A bureau database shows each team&apos;s records as the team sent them: change them on the team&apos;s laptop (a change made here would never reach the team).</source>
        <translation>局数据库按各工作队发来的原样显示其记录：请在该队的电脑上修改（在这里修改不会传回工作队）。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_actions.py" line="133"/>
        <source>Read b&amp;usiness cards…</source>
        <translation>读取名片(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_actions.py" line="156"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="234"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="242"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="253"/>
        <source>Edit the selected &amp;visit…</source>
        <translation>编辑所选走访(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="254"/>
        <source>Edit the selected &amp;organization…</source>
        <translation>编辑所选单位(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="255"/>
        <source>Edit the selected &amp;project…</source>
        <translation>编辑所选项目(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="276"/>
        <source>&amp;Team and members…</source>
        <translation>工作队与队员(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_actions.py" line="164"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_actions.py" line="166"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_actions.py" line="174"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="322"/>
        <source>&amp;User guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="328"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/actions.py" line="334"/>
        <source>&amp;About FieldLog</source>
        <translation>关于 FieldLog(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_actions.py" line="180"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="88"/>
        <source>FieldLog — {name} (read-only: you can read and export)</source>
        <extracomment>The follow-up reminder waits until the window has painted its first page. The user chose another language in the View menu (the app rebuilds the window). The user confirmed restoring this backup (the app closes, restores and reopens). The database file was encrypted or decrypted (closed meanwhile): the app reopens it with the `encryption_flow.Reopen` carried.</extracomment>
        <translation>驻点招商走访日志 — {name}（只读：可以查看和导出）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/navigator.py" line="52"/>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/navigator.py" line="53"/>
        <source>Organizations</source>
        <translation>企业与商协会</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/navigator.py" line="54"/>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/navigator.py" line="55"/>
        <source>Chain map</source>
        <translation>产业链图谱</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/navigator.py" line="56"/>
        <source>Dashboard</source>
        <translation>仪表盘</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/navigator.py" line="57"/>
        <source>Follow-ups</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/navigator.py" line="58"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="228"/>
        <source>Follow-ups: {overdue} overdue, {due} due today (Ctrl+6)</source>
        <translation>跟进事项：已逾期 {overdue} 项，今日到期 {due} 项（Ctrl+6）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/window_dialogs.py" line="49"/>
        <source>Edit visit</source>
        <translation>编辑走访</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="251"/>
        <source>Visit saved.</source>
        <translation>走访已保存。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="253"/>
        <source>Visit saved (the log&apos;s search or filters hide it).</source>
        <translation>走访已保存（当前的搜索或筛选条件没有显示它）。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/window_dialogs.py" line="63"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/window_dialogs.py" line="128"/>
        <location filename="../../fieldlog/ui/window_dialogs.py" line="156"/>
        <source>Loading the demo dispatch…</source>
        <translation>正在载入演示数据…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/window_dialogs.py" line="138"/>
        <source>Demo dispatch loaded: {members} members, {orgs} organizations, {visits} visits, {projects} projects.</source>
        <translation>演示数据已载入：队员 {members} 人，企业与单位 {orgs} 家，走访 {visits} 次，项目 {projects} 个。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/window_dialogs.py" line="160"/>
        <location filename="../../fieldlog/ui/window_dialogs.py" line="172"/>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/window_dialogs.py" line="177"/>
        <source>Load the demo dispatch (a 24-cadre team stationed in Shenzhen, with its visits and projects) into {name}?

This is possible only while the database holds no organizations, visits, projects, members or team.</source>
        <translation>是否将演示数据（一支驻深圳的 24 人招商工作队及其走访和项目记录）载入 {name}？

仅当数据库中尚无企业与商协会、走访、项目、队员和工作队时才能载入。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="370"/>
        <source>Automatic backup failed: {reason}</source>
        <translation>自动备份失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/window.py" line="52"/>
        <source>FieldLog — {bureau} (bureau: {location})</source>
        <translation>驻点招商走访日志 — {bureau}（局数据库：{location}）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/window.py" line="61"/>
        <source>&amp;Register a team…</source>
        <translation>登记工作队(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/window.py" line="66"/>
        <source>&amp;First reports across teams…</source>
        <translation>首报首谈(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/window.py" line="71"/>
        <source>&amp;Export the teams&apos; weekly returns…</source>
        <translation>导出各队周报(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/window.py" line="83"/>
        <source>&amp;Bureau</source>
        <translation>局(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/window.py" line="93"/>
        <source>&amp;Team shown:</source>
        <translation>显示工作队(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/window.py" line="120"/>
        <source>A package of the team to register</source>
        <translation>要登记的工作队发来的同步包</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/window.py" line="121"/>
        <source>FieldLog sync packages (*.fieldsync);;All files (*)</source>
        <translation>FieldLog 同步包 (*.fieldsync);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/window.py" line="137"/>
        <source>Team {team} is registered; its package was received.</source>
        <translation>已登记工作队 {team}，并已接收其同步包。</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_mapping.py" line="68"/>
        <source>Preview of the sheet and its column mapping</source>
        <extracomment>The row of the table that holds the field choosers; the sheet&apos;s rows follow it. Fields only a visit log has; a sheet with the date or two of the others is a visit log.</extracomment>
        <translation>工作表预览及列与字段的对应</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_mapping.py" line="109"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_mapping.py" line="116"/>
        <source>Field read from column {letter}</source>
        <translation>{letter} 列读入的字段</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_mapping.py" line="118"/>
        <source>— ignore —</source>
        <translation>— 忽略 —</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_mapping.py" line="121"/>
        <source>Recognized headings: {names}</source>
        <translation>可识别的表头：{names}</translation>
    </message>
</context>
<context>
    <name>MatterDialog</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="53"/>
        <source>Edit matter</source>
        <extracomment>A matter belongs to its project (the dashboard and the return list the open ones). The matter&apos;s text takes the spare width.</extracomment>
        <translation>修改协调事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="53"/>
        <source>Add matter</source>
        <translation>新增协调事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="65"/>
        <source>Matter</source>
        <translation>协调事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="66"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="67"/>
        <source>Deadline</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="68"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/coordination_table.py" line="94"/>
        <source>Deadline: write the date as yyyy-mm-dd</source>
        <translation>办理期限：请按 yyyy-mm-dd 填写日期</translation>
    </message>
</context>
<context>
    <name>MattersPanel</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/matters_panel.py" line="60"/>
        <source>No matter is waiting to be coordinated.</source>
        <translation>目前暂无需协调解决的事项。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/matters_panel.py" line="64"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/matters_panel.py" line="65"/>
        <source>Matter</source>
        <translation>需协调事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/matters_panel.py" line="66"/>
        <source>Owner</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/matters_panel.py" line="67"/>
        <source>Deadline</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/matters_panel.py" line="68"/>
        <source>Status</source>
        <translation>办理情况</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/matters_panel.py" line="71"/>
        <source>Open matters to coordinate</source>
        <translation>未办结的需协调解决事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/matters_panel.py" line="72"/>
        <source>Double-click a matter to open its project.</source>
        <translation>双击事项打开其项目。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/matters_panel.py" line="87"/>
        <source>&lt;b&gt;Matters to coordinate&lt;/b&gt; open on {day}: {count}, {overdue} overdue</source>
        <translation>截至 {day}，&lt;b&gt;需协调解决事项&lt;/b&gt;未办结 {count} 项，其中逾期 {overdue} 项</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/widgets/matters_panel.py" line="102"/>
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/matters_panel.py" line="104"/>
        <source>No deadline</source>
        <translation>未定时限</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/matters_panel.py" line="105"/>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/member_picker.py" line="94"/>
        <source>Visitors</source>
        <translation>走访人员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/member_picker.py" line="105"/>
        <source>{name} (me)</source>
        <translation>{name}（我）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/member_picker.py" line="110"/>
        <source>No work group</source>
        <translation>未分组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/member_picker.py" line="112"/>
        <source>{group} — my group</source>
        <translation>{group}（本组）</translation>
    </message>
</context>
<context>
    <name>MembersTable</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/team_tables.py" line="76"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/team_tables.py" line="76"/>
        <source>Home county</source>
        <translation>派出区县</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/team_tables.py" line="76"/>
        <source>Work group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/team_tables.py" line="77"/>
        <source>Promotion system</source>
        <translation>投促系统</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/team_tables.py" line="102"/>
        <source>{0} (removed)</source>
        <translation>{0}（已删除）</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/merge_dialog.py" line="38"/>
        <location filename="../../fieldlog/ui/dialogs/merge_dialog.py" line="151"/>
        <source>Merge organizations</source>
        <translation>合并单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/merge_dialog.py" line="43"/>
        <source>Find the other record of {name}; everything of one moves to the other.</source>
        <translation>查找{name}的另一条记录；一条记录的全部内容将并入另一条。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/merge_dialog.py" line="48"/>
        <source>Name, pinyin initials or credit code</source>
        <translation>名称、拼音首字母或信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/merge_dialog.py" line="49"/>
        <source>Find the other record</source>
        <translation>查找另一条记录</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/merge_dialog.py" line="52"/>
        <source>Matching organizations</source>
        <translation>匹配的单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/merge_dialog.py" line="53"/>
        <source>&amp;Keep {name}</source>
        <translation>保留{name}(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/merge_dialog.py" line="56"/>
        <source>Keep the &amp;other record</source>
        <translation>保留另一条记录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/merge_dialog.py" line="62"/>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/merge_dialog.py" line="117"/>
        <source>Choose the other record in the list.</source>
        <translation>请在列表中选择另一条记录。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/merge_dialog.py" line="124"/>
        <source>These records cannot be merged: {why}.</source>
        <translation>无法合并这两条记录：{why}。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/merge_dialog.py" line="130"/>
        <source>Moving from {merged} to {keep}: visits {visits}, projects {projects}, contacts {contacts}. Empty fields of {keep} are filled from {merged}, then {merged} is deleted.</source>
        <translation>将从{merged}移至{keep}：走访 {visits} 次，项目 {projects} 个，联系人 {contacts} 名。{keep}的空白字段用{merged}的信息补齐，随后删除{merged}。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/merge_dialog.py" line="152"/>
        <source>Merge {merged} into {keep}?

{summary}

A merge cannot be undone.</source>
        <translation>确定将{merged}合并到{keep}吗？

{summary}

合并后无法撤销。</translation>
    </message>
</context>
<context>
    <name>NameForm</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_name_form.py" line="40"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_name_form.py" line="42"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_name_form.py" line="59"/>
        <source>Position in the chain</source>
        <translation>在产业链中的位置</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_name_form.py" line="63"/>
        <source>Under which link</source>
        <translation>上级环节</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_name_form.py" line="64"/>
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_name_form.py" line="69"/>
        <source>&amp;Position</source>
        <translation>位置(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/chain_name_form.py" line="70"/>
        <source>&amp;Under</source>
        <translation>上级(&amp;U)</translation>
    </message>
</context>
<context>
    <name>NewPassword</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/new_password.py" line="30"/>
        <source>Remember on this computer</source>
        <translation>在这台电脑上记住</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/new_password.py" line="34"/>
        <source>This computer has no password store, and FieldLog never keeps the password in a file: it will be asked at each start.</source>
        <translation>这台电脑没有密码存储，FieldLog 也从不把密码存在文件里：每次启动都会询问密码。</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/new_password.py" line="56"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/new_password.py" line="57"/>
        <source>Repeat the password</source>
        <translation>再输一次密码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/new_password.py" line="63"/>
        <source>At least {count} characters.</source>
        <translation>至少 {count} 个字符。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/new_password.py" line="69"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/new_password.py" line="70"/>
        <source>&amp;Repeat:</source>
        <translation>再输一次(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>OrgCreateForm</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_create_form.py" line="98"/>
        <source>New organization name</source>
        <translation>新单位名称</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_create_form.py" line="100"/>
        <source>New organization kind</source>
        <translation>新单位类型</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_create_form.py" line="104"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_create_form.py" line="105"/>
        <source>Optional, 18 characters</source>
        <translation>选填，18 位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_create_form.py" line="113"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_create_form.py" line="114"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_create_form.py" line="127"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_create_form.py" line="129"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_create_form.py" line="130"/>
        <source>C&amp;redit code</source>
        <translation>信用代码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_create_form.py" line="144"/>
        <source>New organization</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_create_form.py" line="181"/>
        <source>This credit code is already on file for {name}.</source>
        <translation>该统一社会信用代码已登记为{name}。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_create_form.py" line="183"/>
        <source>&amp;Use {name}</source>
        <translation>使用{name}(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_create_form.py" line="195"/>
        <source>Enter the organization&apos;s name.</source>
        <translation>请输入单位名称。</translation>
    </message>
</context>
<context>
    <name>OrgDetailPanel</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="68"/>
        <source>Organization details</source>
        <extracomment>Contacts belong to their organization. Another organization should be shown (the kept one after a merge). A project in the Projects tab was activated (double-click or Enter): its id.</extracomment>
        <translation>单位详情</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="71"/>
        <source>Select an organization to see its details.</source>
        <translation>选择一个单位以查看详情。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="101"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="101"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="101"/>
        <source>Visitors</source>
        <translation>走访人员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="101"/>
        <source>Summary</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="106"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="106"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="106"/>
        <source>Contract (10k yuan)</source>
        <translation>合同投资额（万元）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="123"/>
        <source>Credit code:</source>
        <translation>信用代码：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="124"/>
        <source>Region:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="125"/>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="126"/>
        <source>Chain:</source>
        <translation>产业链：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="127"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="128"/>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="129"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="136"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="136"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="136"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="136"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="139"/>
        <source>&amp;Add contact…</source>
        <translation>添加联系人(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="142"/>
        <source>Edit &amp;contact…</source>
        <translation>编辑联系人(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="172"/>
        <source>On the target list</source>
        <translation>已列入目标企业库</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="219"/>
        <source>Contacts ({n})</source>
        <translation>联系人（{n}）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="220"/>
        <source>Visits ({n})</source>
        <translation>走访（{n}）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="221"/>
        <source>Projects ({n})</source>
        <translation>项目（{n}）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="257"/>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="272"/>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="289"/>
        <source>Delete {name}? Its visits ({visits}) will no longer be counted; its projects ({projects}) stay. Edit ▸ Undo brings it back.</source>
        <translation>确定删除{name}吗？其走访记录（{visits} 次）将不再计入统计，其项目（{projects} 个）保留。可通过“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="294"/>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="301"/>
        <source>Delete organization</source>
        <translation>删除单位</translation>
    </message>
</context>
<context>
    <name>OrgDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="176"/>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="351"/>
        <source>Edit organization</source>
        <translation>编辑单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="176"/>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="351"/>
        <source>New organization</source>
        <translation>新建单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="217"/>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="283"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="224"/>
        <source>On the &amp;target list</source>
        <translation>列入目标企业库(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="227"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="228"/>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="229"/>
        <source>&amp;Credit code:</source>
        <translation>统一社会信用代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="230"/>
        <source>&amp;Region:</source>
        <translation>地区(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="231"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="232"/>
        <source>C&amp;hain:</source>
        <translation>产业链(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="233"/>
        <source>&amp;Link:</source>
        <translation>链环节(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="234"/>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="236"/>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="240"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="250"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="251"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="251"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="251"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="254"/>
        <source>Add contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="257"/>
        <source>Edit contact…</source>
        <translation>编辑联系人…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/org_dialog.py" line="296"/>
        <source>This code already belongs to {name}.</source>
        <translation>该代码已属于{name}。</translation>
    </message>
</context>
<context>
    <name>OrgKind</name>
    <message>
        <location filename="../../fieldlog/ui/models/org_table_model.py" line="37"/>
        <source>Enterprise</source>
        <extracomment>The organization id of a row.</extracomment>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/org_table_model.py" line="38"/>
        <source>Association</source>
        <translation>商协会</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/org_table_model.py" line="39"/>
        <source>Industrial park</source>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/org_table_model.py" line="40"/>
        <source>Intermediary</source>
        <translation>中介机构</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/org_table_model.py" line="41"/>
        <source>Government body</source>
        <translation>政府部门</translation>
    </message>
</context>
<context>
    <name>OrgPicker</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_picker.py" line="122"/>
        <source>Organization</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_picker.py" line="123"/>
        <source>Name, pinyin initials or credit code</source>
        <translation>名称、拼音首字母或信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_picker.py" line="203"/>
        <source>Create “{text}”…</source>
        <translation>新建“{text}”…</translation>
    </message>
</context>
<context>
    <name>OrgTableModel</name>
    <message>
        <location filename="../../fieldlog/ui/models/org_table_model.py" line="48"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/org_table_model.py" line="49"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/org_table_model.py" line="50"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/org_table_model.py" line="51"/>
        <source>Chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/org_table_model.py" line="52"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/org_table_model.py" line="53"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/org_table_model.py" line="54"/>
        <source>Target</source>
        <translation>目标企业</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/org_table_model.py" line="55"/>
        <source>Visits</source>
        <translation>走访次数</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/org_table_model.py" line="56"/>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
</context>
<context>
    <name>OrgsView</name>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="74"/>
        <source>&amp;New organization…</source>
        <extracomment>How many more pages `show_org` loads to find a record before it gives up. How long the status bar says that a save worked. The organizations, and in the detail their contacts, visits and projects.</extracomment>
        <translation>新建单位(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="77"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="78"/>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="79"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="81"/>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="84"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="89"/>
        <source>Search: name, pinyin initials or credit code</source>
        <translation>搜索：名称、拼音首字母或信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="90"/>
        <source>Search organizations</source>
        <translation>搜索单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="92"/>
        <source>Organization kind</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="93"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="94"/>
        <source>Chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="95"/>
        <source>Target list</source>
        <translation>目标企业库</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="157"/>
        <source>Organizations</source>
        <translation>企业与商协会</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="177"/>
        <source>On the target list</source>
        <translation>已列入目标企业库</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="178"/>
        <source>Not on the target list</source>
        <translation>未列入目标企业库</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="182"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="183"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="184"/>
        <source>All chains</source>
        <translation>全部产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="185"/>
        <source>Target list or not</source>
        <translation>是否目标企业</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="214"/>
        <source>{n} organizations</source>
        <translation>共 {n} 家单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/orgs_view.py" line="283"/>
        <source>Organization saved.</source>
        <translation>单位已保存。</translation>
    </message>
</context>
<context>
    <name>OverlapsDialog</name>
    <message>
        <location filename="../../fieldlog/ui/bureau/overlaps_dialog.py" line="31"/>
        <source>First reports across teams</source>
        <translation>首报首谈</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/overlaps_dialog.py" line="34"/>
        <source>Enterprises in more than one team&apos;s work (the same credit code, or the same name), and the team that reported each first: by its first visit or first lead, then by the time it was recorded. Amounts are contract amounts in 亿元.</source>
        <translation>多个工作队都在对接的企业（统一社会信用代码相同，或名称相同），以及最先报告的工作队：按首次走访或首次形成线索的日期，再按记录的先后。金额为合同投资额，单位亿元。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/overlaps_dialog.py" line="43"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/overlaps_dialog.py" line="44"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/overlaps_dialog.py" line="45"/>
        <source>First reported by</source>
        <translation>首报工作队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/overlaps_dialog.py" line="46"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/overlaps_dialog.py" line="47"/>
        <source>Each team: first report, contract amount (亿元)</source>
        <translation>各工作队：首报日期、合同投资额（亿元）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/overlaps_dialog.py" line="58"/>
        <source>No enterprise is in more than one team&apos;s work.</source>
        <translation>没有企业同时出现在多个工作队的工作中。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/overlaps_dialog.py" line="71"/>
        <source>visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/overlaps_dialog.py" line="71"/>
        <source>lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/overlaps_dialog.py" line="72"/>
        <source>{team}: {date} ({how}), {amount}</source>
        <translation>{team}：{date}（{how}），{amount}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/overlaps_dialog.py" line="84"/>
        <source>(none: same name)</source>
        <translation>（无：名称相同）</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="50"/>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="67"/>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="148"/>
        <source>Team passphrase</source>
        <translation>团队口令</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="53"/>
        <source>Type the new team passphrase. Packages made with the old one can no longer be received here, so change it on every laptop of the team at the same time.</source>
        <translation>请输入新的团队口令。用旧口令制作的同步包将无法在本机接收，因此请全队所有电脑同时更换。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="36"/>
        <source>This computer has no password store, and FieldLog will not keep the passphrase in a file: it is kept only until FieldLog is closed, and asked again next time.</source>
        <translation>本机没有系统密码库，FieldLog 不会把口令存在文件里：口令只保留到 FieldLog 关闭，下次会再问。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="58"/>
        <source>Sync packages are encrypted with the team passphrase. Type the one the team leader gave you; it is asked only once and kept in this computer&apos;s password store.</source>
        <translation>同步包用团队口令加密。请输入队长告诉你的口令；只问一次，保存在本机的系统密码库中。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="68"/>
        <source>Repeat the team passphrase</source>
        <translation>再次输入团队口令</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="71"/>
        <source>{low}–{high} characters, no spaces at the start or end; the same on every laptop of the team.</source>
        <translation>{low}–{high} 个字符，首尾不能有空格；全队每台电脑使用同一个口令。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="100"/>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="101"/>
        <source>&amp;Repeat:</source>
        <translation>再输一次(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="114"/>
        <source>The passphrase is too short: at least {n} characters.</source>
        <translation>口令太短：至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="118"/>
        <source>The passphrase is too long: at most {n} characters.</source>
        <translation>口令太长：最多 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="122"/>
        <source>The passphrase must not start or end with a space.</source>
        <translation>口令首尾不能有空格。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="128"/>
        <source>The two entries differ; type the passphrase again.</source>
        <translation>两次输入不一致，请重新输入口令。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/passphrase_dialog.py" line="150"/>
        <source>This computer&apos;s password store did not keep the passphrase (it may be locked): FieldLog keeps it only until it is closed, and asks again next time.</source>
        <translation>本机的系统密码库没有保存口令（可能已锁定）：FieldLog 只保留到关闭为止，下次会再问。</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="39"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="48"/>
        <source>This &amp;week</source>
        <translation>本周(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="49"/>
        <source>This &amp;month</source>
        <translation>本月(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="50"/>
        <source>&amp;Dispatch period</source>
        <translation>驻点期间(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="51"/>
        <source>This &amp;year</source>
        <translation>本年(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="176"/>
        <source>Work group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="176"/>
        <source>All groups</source>
        <translation>全部工作组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="178"/>
        <source>Owner</source>
        <translation>首谈人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="178"/>
        <source>All owners</source>
        <translation>全部首谈人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="179"/>
        <source>Chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="179"/>
        <source>All chains</source>
        <translation>全部产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="181"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="181"/>
        <source>All counties</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="195"/>
        <source>Search projects</source>
        <translation>搜索项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="196"/>
        <source>Search project or investor</source>
        <translation>搜索项目或投资方</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="201"/>
        <source>&amp;Board</source>
        <translation>看板(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="202"/>
        <source>&amp;List</source>
        <translation>列表(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="203"/>
        <source>Projects as cards in a column per stage (Alt+B)</source>
        <translation>按阶段分列的项目卡片（Alt+B）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="204"/>
        <source>Projects as a sortable table (Alt+L)</source>
        <translation>可排序的项目列表（Alt+L）</translation>
    </message>
</context>
<context>
    <name>ProjectCardWidget</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="149"/>
        <source>Planned %1 / contract %2</source>
        <translation>计划总投资 %1 / 合同投资额 %2</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="151"/>
        <source>%1 · %2 days in stage</source>
        <translation>%1 · 在此阶段 %2 天</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="168"/>
        <source>No follow-up set</source>
        <translation>未设跟进</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="170"/>
        <source>Follow-up overdue: %1</source>
        <translation>跟进已逾期：%1</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="171"/>
        <source>Next follow-up: %1</source>
        <translation>下次跟进：%1</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="177"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="179"/>
        <source>Move to</source>
        <translation>移至</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="77"/>
        <source>Project: {0}</source>
        <extracomment>A save of the Details tab. The project, its organization, owner, chain link and county, and the visits behind it.</extracomment>
        <translation>项目详情：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="80"/>
        <source>&amp;Details</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="82"/>
        <source>&amp;Assessment and lead</source>
        <translation>考核与线索(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="84"/>
        <source>&amp;Coordination</source>
        <translation>需协调事项(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="88"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="89"/>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="100"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="90"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="91"/>
        <source>Days in stage</source>
        <translation>在此阶段天数</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="92"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="95"/>
        <source>&amp;Stage history</source>
        <translation>阶段记录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="97"/>
        <source>&amp;Funds</source>
        <translation>到位资金(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="100"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="100"/>
        <source>Visitors</source>
        <translation>走访人员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="100"/>
        <source>Summary</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="102"/>
        <source>&amp;Visits</source>
        <translation>走访记录(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="106"/>
        <source>A&amp;ttachments</source>
        <translation>附件(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="108"/>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="149"/>
        <source>10k yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="168"/>
        <source>Planned investment (10k yuan)</source>
        <translation>计划总投资（万元）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="173"/>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="293"/>
        <source>Progress date</source>
        <translation>进展日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="255"/>
        <source>Investor: {0} · Chain: {1} / {2} · Stage: {3} · Signed: {4} {5} · Contract: {6}</source>
        <translation>投资方：{0} · 产业链：{1} / {2} · 阶段：{3} · 签约：{4} {5} · 合同投资额：{6}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="298"/>
        <source>{0}: write the date as yyyy-mm-dd</source>
        <translation>{0}：请按 yyyy-mm-dd 填写日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="166"/>
        <source>Name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="167"/>
        <source>Chain role</source>
        <translation>链上作用</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="169"/>
        <source>Landing county</source>
        <translation>落地区县</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="170"/>
        <source>Owner</source>
        <translation>首谈人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="171"/>
        <source>Work group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="172"/>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="174"/>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="175"/>
        <source>Next step</source>
        <translation>下一步工作</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="176"/>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="292"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="288"/>
        <source>Planned investment: {0}</source>
        <translation>计划总投资：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/project_dialog.py" line="333"/>
        <source>Edit project {0}</source>
        <translation>编辑项目 {0}</translation>
    </message>
</context>
<context>
    <name>ProjectListView</name>
    <message>
        <location filename="../../fieldlog/ui/views/project_list_view.py" line="78"/>
        <source>E&amp;xport ledger…</source>
        <extracomment>Columns are sized to their contents, but a long project name must not take the whole width.</extracomment>
        <translation>导出台账(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/project_list_view.py" line="80"/>
        <source>Save the listed projects as the project ledger (项目台账), an Excel workbook</source>
        <translation>将列表中的项目保存为项目台账（Excel 工作簿）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/project_list_view.py" line="94"/>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/views/project_list_view.py" line="116"/>
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n 个项目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/views/project_list_view.py" line="118"/>
        <source>%n project(s) match the filters</source>
        <translation>
            <numerusform>%n 个项目符合筛选条件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/project_list_view.py" line="154"/>
        <source>Export the project ledger</source>
        <translation>导出项目台账</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/project_list_view.py" line="156"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/project_list_view.py" line="166"/>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/views/project_list_view.py" line="185"/>
        <source>The project ledger of %n project(s) was saved to:</source>
        <translation>
            <numerusform>%n 个项目的项目台账已保存到：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/views/project_list_view.py" line="188"/>
        <source>%n dropped project(s) are not part of the ledger.</source>
        <translation>
            <numerusform>%n 个已终止项目不计入台账。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="133"/>
        <source>Project</source>
        <extracomment>The project&apos;s id (uuid.UUID). The value a column sorts by: a number, a QDate or text; None (no value) sorts last. The whole row snapshot (ProjectListRow).</extracomment>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="134"/>
        <source>Investor</source>
        <translation>投资方</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="135"/>
        <source>Chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="136"/>
        <source>Link</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="137"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="138"/>
        <source>Days in stage</source>
        <translation>在此阶段天数</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="139"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="140"/>
        <source>Assessment</source>
        <translation>考核</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="141"/>
        <source>Planned (10k yuan)</source>
        <translation>计划总投资（万元）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="142"/>
        <source>Contract (10k yuan)</source>
        <translation>合同投资额（万元）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="143"/>
        <source>Funds in place (10k yuan)</source>
        <translation>到位资金（万元）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="144"/>
        <source>Funds rate</source>
        <translation>到位率</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="145"/>
        <source>Owner</source>
        <translation>首谈人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="146"/>
        <source>Work group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="147"/>
        <source>County</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="148"/>
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="149"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="184"/>
        <source>Counted</source>
        <translation>计入</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/project_table_model.py" line="184"/>
        <source>Not counted</source>
        <translation>不计入</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../fieldlog/ui/qt_gaps.py" line="14"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/qt_gaps.py" line="15"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RankingsTable</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/rankings_table.py" line="21"/>
        <source>Rankings</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/rankings_table.py" line="24"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/rankings_table.py" line="25"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>RecoveryWindow</name>
    <message>
        <location filename="../../fieldlog/ui/recovery_window.py" line="88"/>
        <source>&amp;Restore this backup</source>
        <extracomment>In the messages db.newer_schema and backup.newer_schema, in English and in Chinese (the problem arrives as text in the user&apos;s language). The password the database was opened with (None: plain): its backups are checked and restored with it, and the restored file stays encrypted with it.</extracomment>
        <translation>恢复此备份(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/recovery_window.py" line="89"/>
        <source>&amp;Open another database…</source>
        <translation>打开其他数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/recovery_window.py" line="90"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/recovery_window.py" line="95"/>
        <source>Restoring keeps the current file as a backup too.</source>
        <translation>恢复时，当前文件也会保存为一份备份。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/recovery_window.py" line="114"/>
        <source>FieldLog — {name} cannot be opened</source>
        <translation>FieldLog — 无法打开 {name}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/recovery_window.py" line="115"/>
        <source>FieldLog cannot open {name}</source>
        <translation>FieldLog 无法打开 {name}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/recovery_window.py" line="121"/>
        <source>Backups of this database (newest first; %n found):</source>
        <translation>
            <numerusform>此数据库的备份（最新的在前；共 %n 份）：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/recovery_window.py" line="123"/>
        <source>There are no backups of this database.</source>
        <translation>此数据库没有备份。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/recovery_window.py" line="131"/>
        <source>This database was written by a newer version of FieldLog. Update FieldLog to open it, or restore an older backup.</source>
        <translation>此数据库由更新版本的 FieldLog 写入。请升级 FieldLog 后再打开，或恢复一份较早的备份。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/recovery_window.py" line="136"/>
        <source>The database is missing or empty, but it has backups. Restore one, or open another database.</source>
        <translation>数据库文件丢失或为空，但它有备份。请恢复一个备份，或打开另一个数据库。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/recovery_window.py" line="140"/>
        <source>This file is not a FieldLog database.</source>
        <translation>此文件不是 FieldLog 数据库。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/recovery_window.py" line="141"/>
        <source>The database is damaged and cannot be opened safely.</source>
        <translation>数据库已损坏，无法安全打开。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/recovery_window.py" line="168"/>
        <source>Open another database</source>
        <translation>打开其他数据库</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/recovery_window.py" line="170"/>
        <source>FieldLog databases (*.db *.sqlite);;All files (*)</source>
        <translation>FieldLog 数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>RegisterTeamDialog</name>
    <message>
        <location filename="../../fieldlog/ui/bureau/register_dialog.py" line="37"/>
        <source>Register a team</source>
        <translation>登记工作队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/register_dialog.py" line="39"/>
        <source>The package {file} comes from a team this bureau does not receive yet. Type that team&apos;s passphrase (the team leader gives it): it is kept on this computer for this bureau only, and the team&apos;s later packages are received with it.</source>
        <translation>同步包 {file} 来自本局尚未登记的工作队。请输入该队的团队口令（由队长提供）：口令只为本局数据库保存在这台电脑上，该队以后的同步包都用它接收。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/register_dialog.py" line="48"/>
        <source>The team&apos;s passphrase</source>
        <translation>该队的团队口令</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/register_dialog.py" line="55"/>
        <source>&amp;Register and receive</source>
        <translation>登记并接收(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/register_dialog.py" line="61"/>
        <source>Team &amp;passphrase:</source>
        <translation>团队口令(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/register_dialog.py" line="74"/>
        <source>Type the team&apos;s passphrase.</source>
        <translation>请输入该队的团队口令。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/register_dialog.py" line="86"/>
        <source>Nothing was registered or received.</source>
        <translation>没有登记工作队，也没有接收任何数据。</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="81"/>
        <source>Assessment scope and warning rules</source>
        <translation>考核口径与预警规则</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="94"/>
        <source>Count phase-two and capital-increase projects from</source>
        <translation>二期、增资项目计入考核，最低投资额</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="99"/>
        <source>Fund origins not counted</source>
        <translation>不计入考核的资金来源</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="107"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="112"/>
        <source> leads</source>
        <translation> 条</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="121"/>
        <source>Assessment scope (考核口径)</source>
        <translation>考核口径</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="123"/>
        <source>&amp;Minimum contract amount (10k yuan)</source>
        <translation>最低合同投资额（万元）(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="127"/>
        <source>10k yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="129"/>
        <source>Fund origins not counted:</source>
        <translation>不计入考核的资金来源：</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="131"/>
        <source>Warnings (三色预警) and leads</source>
        <translation>三色预警与线索</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="133"/>
        <source>&amp;Yellow after no progress for</source>
        <translation>无进展转黄色预警(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="134"/>
        <source>&amp;Red after</source>
        <translation>转红色预警(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="135"/>
        <source>Suggest re&amp;tiring after</source>
        <translation>建议退库(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="136"/>
        <source>A new lead is &amp;answered within</source>
        <translation>新线索响应时限(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="137"/>
        <source>Complete leads per member each &amp;week</source>
        <translation>每人每周完整线索任务(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="140"/>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="205"/>
        <source>Set up the team first: the rules are the team&apos;s.</source>
        <translation>请先设置工作队：考核口径与预警规则属于工作队。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="186"/>
        <source>{field}: enter an amount in 10k yuan.</source>
        <translation>{field}：请输入以万元为单位的金额。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="208"/>
        <source>Phase-two minimum</source>
        <translation>二期、增资最低投资额</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="210"/>
        <source>Minimum amount</source>
        <translation>最低合同投资额</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/rules_dialog.py" line="250"/>
        <source>Change the assessment and warning rules</source>
        <translation>修改考核口径与预警规则</translation>
    </message>
</context>
<context>
    <name>SheetImportReportModel</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_report_view.py" line="36"/>
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_report_view.py" line="37"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_report_view.py" line="38"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_report_view.py" line="39"/>
        <source>Rejected</source>
        <translation>未导入</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_report_view.py" line="47"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_report_view.py" line="48"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_report_view.py" line="49"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_report_view.py" line="50"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SheetImportReportView</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_report_view.py" line="120"/>
        <source>Outcome of every row</source>
        <translation>各行处理结果</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_report_view.py" line="126"/>
        <source>&amp;Copy report</source>
        <translation>复制报告(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_report_view.py" line="167"/>
        <source>Dry run of {file}: nothing was stored. This is what an import would do.</source>
        <translation>试导入 {file}：未保存任何数据。以下是正式导入时的处理结果。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/import_report_view.py" line="170"/>
        <source>{file} has been imported.</source>
        <translation>{file} 已导入。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/help_dialogs.py" line="59"/>
        <source>Search the visit log or the organizations</source>
        <translation>搜索走访日志或单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/help_dialogs.py" line="63"/>
        <source>Open the selected visit, organization or project</source>
        <translation>打开选中的走访、单位或项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/help_dialogs.py" line="67"/>
        <source>Delete the selected visit or organization</source>
        <translation>删除选中的走访或单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/help_dialogs.py" line="70"/>
        <source>History of the selected visit</source>
        <translation>选中走访的修改历史</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/help_dialogs.py" line="71"/>
        <source>First / last visit of the log</source>
        <translation>走访日志的第一条 / 最后一条</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/help_dialogs.py" line="72"/>
        <source>Save the visit or project form</source>
        <translation>保存走访或项目表单</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/help_dialogs.py" line="73"/>
        <source>Close a form (asks before losing what was typed)</source>
        <translation>关闭表单（有未保存的内容时先询问）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/help_dialogs.py" line="74"/>
        <source>Rename the selected chain or link (chain editor)</source>
        <translation>重命名选中的产业链或链环节（产业链编辑）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/help_dialogs.py" line="96"/>
        <location filename="../../fieldlog/ui/dialogs/help_dialogs.py" line="100"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/help_dialogs.py" line="99"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/help_dialogs.py" line="99"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SigningDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/signing_dialog.py" line="38"/>
        <source>Record the signing</source>
        <translation>登记签约</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/signing_dialog.py" line="41"/>
        <location filename="../../fieldlog/ui/dialogs/signing_dialog.py" line="71"/>
        <source>Signing date</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/signing_dialog.py" line="46"/>
        <location filename="../../fieldlog/ui/dialogs/signing_dialog.py" line="72"/>
        <source>Contract amount (10k yuan)</source>
        <translation>合同投资额（万元）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/signing_dialog.py" line="47"/>
        <source>e.g. 8000</source>
        <translation>如 8000</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/signing_dialog.py" line="50"/>
        <location filename="../../fieldlog/ui/dialogs/signing_dialog.py" line="73"/>
        <source>Sign form</source>
        <translation>签约形式</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/signing_dialog.py" line="51"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/signing_dialog.py" line="91"/>
        <source>Enter the contract amount in 10k yuan.</source>
        <translation>请填写合同投资额（万元）。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/signing_dialog.py" line="97"/>
        <source>The contract amount must be more than 0.</source>
        <translation>合同投资额必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/signing_dialog.py" line="99"/>
        <source>Choose the sign form.</source>
        <translation>请选择签约形式。</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="40"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="41"/>
        <source>Negotiating</source>
        <translation>在谈</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="42"/>
        <source>Inspected</source>
        <translation>考察</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="43"/>
        <source>Signed</source>
        <translation>签约</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="44"/>
        <source>Registered</source>
        <translation>注册</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="45"/>
        <source>Started</source>
        <translation>开工</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="46"/>
        <source>Producing</source>
        <translation>投产</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="47"/>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/org_detail_panel.py" line="48"/>
        <source>Dropped</source>
        <translation>终止</translation>
    </message>
</context>
<context>
    <name>StageColumnWidget</name>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="99"/>
        <source>Planned %1 · contract %2</source>
        <extracomment>Cards a column builds at most (the most urgent); the rest are a click away in the list. The mode last chosen, for this session only: a new board (after a language switch) keeps it, the next start shows the board again. What the board and the list show: projects, their organizations, owners, groups, chains.</extracomment>
        <translation>计划总投资 %1 · 合同投资额 %2</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/pipeline_board.py" line="104"/>
        <source>+%1 more — see the list (Alt+L)</source>
        <translation>另有 %1 个 — 请在列表中查看（Alt+L）</translation>
    </message>
</context>
<context>
    <name>SyncConflictsTable</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="32"/>
        <source>Organization</source>
        <extracomment>Longest value shown in a cell; the tooltip holds all of it.</extracomment>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="33"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="34"/>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="35"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="36"/>
        <source>Member</source>
        <translation>队员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="37"/>
        <source>Team</source>
        <translation>工作队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="38"/>
        <source>Work group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="39"/>
        <source>Funds in place</source>
        <translation>到位资金</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="40"/>
        <source>Stage change</source>
        <translation>阶段变更</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="41"/>
        <source>Matter to coordinate</source>
        <translation>需协调事项</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="42"/>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="43"/>
        <source>Target</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="52"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="53"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="54"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="55"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="56"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="57"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="58"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="59"/>
        <source>Summary</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="60"/>
        <source>Intent</source>
        <translation>意向程度</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="61"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="62"/>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="63"/>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="64"/>
        <source>Next step</source>
        <translation>下一步计划</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="65"/>
        <source>Planned investment</source>
        <translation>计划总投资</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="66"/>
        <source>Contract amount</source>
        <translation>合同投资额</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="67"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="68"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="69"/>
        <source>On the target list</source>
        <translation>已列入目标企业库</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="78"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="80"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="80"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="87"/>
        <source>record {id}…</source>
        <translation>记录 {id}…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="95"/>
        <source>automatic merge</source>
        <translation>自动合并</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="98"/>
        <source>{name} (this laptop)</source>
        <translation>{name}（本机）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="99"/>
        <source>this laptop</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="101"/>
        <source>laptop {node}</source>
        <translation>电脑 {node}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="122"/>
        <source>Conflicts to review</source>
        <translation>待审核的冲突</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="125"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="126"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="127"/>
        <source>Kept value</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="128"/>
        <source>Kept (who, when)</source>
        <translation>保留值（谁、何时）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="129"/>
        <source>Other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="130"/>
        <source>Other (who, when)</source>
        <translation>另一个值（谁、何时）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="131"/>
        <source>Package</source>
        <translation>同步包</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_conflicts_table.py" line="164"/>
        <source>{kind}: {record}</source>
        <translation>{kind}：{record}</translation>
    </message>
</context>
<context>
    <name>SyncDuplicatesTable</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="28"/>
        <source>Look-alike organizations</source>
        <translation>疑似重复单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="31"/>
        <source>Left</source>
        <translation>左侧单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="32"/>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="35"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="33"/>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="36"/>
        <source>Visits (last)</source>
        <translation>走访次数（最近）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="34"/>
        <source>Right</source>
        <translation>右侧单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="37"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="54"/>
        <source>{count} (last {day})</source>
        <translation>{count}（最近 {day}）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="57"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="58"/>
        <source>{name} ({kind})</source>
        <translation>{name}（{kind}）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="63"/>
        <source>Same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="64"/>
        <source>The names differ only in spaces, letter width or brackets.</source>
        <translation>两个名称只在空格、全角半角或括号上不同。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="66"/>
        <source>Similar names ({score}%)</source>
        <translation>名称相近（{score}%）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_duplicates_table.py" line="67"/>
        <source>The names are alike once places and legal forms are set aside. Check that they are one organization before merging.</source>
        <translation>去掉地名和组织形式（如“深圳市”“有限公司”）后两个名称相近。合并前请核实是同一单位。</translation>
    </message>
</context>
<context>
    <name>SyncFlow</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_flow.py" line="161"/>
        <source>Receive sync packages</source>
        <translation>接收同步包</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_flow.py" line="159"/>
        <source>FieldLog sync packages (*.fieldsync);;All files (*)</source>
        <translation>FieldLog 同步包 (*.fieldsync);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_flow.py" line="67"/>
        <source>The team passphrase is no longer kept in the database file: it was moved to this computer&apos;s password store.</source>
        <extracomment>The user wants to review conflicts and look-alikes (the window shows the Sync page).</extracomment>
        <translation>团队口令不再保存在数据库文件里：已移到本机的系统密码库中。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_flow.py" line="72"/>
        <source>The team passphrase is no longer kept in the database file. This computer has no password store, and FieldLog will not keep the passphrase in a file: it is kept until FieldLog is closed, and asked again next time.</source>
        <translation>团队口令不再保存在数据库文件里。本机没有系统密码库，FieldLog 不会把口令存在文件里：口令只保留到 FieldLog 关闭，下次会再问。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_flow.py" line="76"/>
        <source>Backups made before today still hold it.</source>
        <translation>今天以前的备份里仍存有口令。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_flow.py" line="79"/>
        <source>Team passphrase</source>
        <translation>团队口令</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_flow.py" line="149"/>
        <source>Receive</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_flow.py" line="150"/>
        <source>Nothing was received; the data on this laptop is unchanged.</source>
        <translation>未接收任何数据，本机数据没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_flow.py" line="164"/>
        <source>The package from your team leader</source>
        <translation>队长发来的同步包</translation>
    </message>
</context>
<context>
    <name>SyncPeersTable</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_peers_table.py" line="57"/>
        <source>laptop {node}</source>
        <extracomment>Sort order of the states: what needs the team leader&apos;s attention comes first.</extracomment>
        <translation>电脑 {node}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_peers_table.py" line="100"/>
        <source>Never sent anything</source>
        <translation>从未发送过</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_peers_table.py" line="102"/>
        <source>Nothing received directly (known from others)</source>
        <translation>未直接收到（经他人转来）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/widgets/sync_peers_table.py" line="104"/>
        <source>Overdue: nothing for %n day(s)</source>
        <translation>
            <numerusform>已逾期：%n 天未收到</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_peers_table.py" line="106"/>
        <source>Received today</source>
        <translation>今天已收到</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_peers_table.py" line="74"/>
        <source>Last received from each member</source>
        <translation>各队员最近接收情况</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_peers_table.py" line="77"/>
        <source>Member</source>
        <translation>队员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_peers_table.py" line="78"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_peers_table.py" line="79"/>
        <source>Last package made</source>
        <translation>最近一包制作时间</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_peers_table.py" line="80"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_peers_table.py" line="81"/>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/sync_peers_table.py" line="82"/>
        <source>Packages</source>
        <translation>已收包数</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/widgets/sync_peers_table.py" line="107"/>
        <source>Received %n day(s) ago</source>
        <translation>
            <numerusform>%n 天前收到</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncProgress</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_progress.py" line="38"/>
        <source>Checking package {n} of {total}…</source>
        <extracomment>Where each stage starts and ends on a 0–1000 bar (applying the rows is most of the work).</extracomment>
        <translation>正在校验第 {n} 个同步包（共 {total} 个）…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_progress.py" line="39"/>
        <source>Backing up this laptop&apos;s data…</source>
        <translation>正在备份本机数据…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_progress.py" line="40"/>
        <source>Merging records: {done} of {total}…</source>
        <translation>正在合并记录：{done} / {total}…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_progress.py" line="41"/>
        <source>Storing attached files…</source>
        <translation>正在保存附件文件…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_progress.py" line="42"/>
        <source>Looking for duplicate organizations…</source>
        <translation>正在查找重复单位…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_progress.py" line="43"/>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_progress.py" line="44"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_progress.py" line="55"/>
        <source>Receiving packages</source>
        <translation>接收同步包</translation>
    </message>
</context>
<context>
    <name>SyncReportDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="46"/>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="135"/>
        <source>Packages received</source>
        <extracomment>&quot;Review&quot; was pressed: the window shows the Sync page.</extracomment>
        <translation>同步包接收结果</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="56"/>
        <source>&amp;Review conflicts and look-alikes</source>
        <translation>审核冲突和疑似重复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="60"/>
        <source>&amp;Copy report</source>
        <translation>复制报告(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="62"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="82"/>
        <source>%n package(s) read</source>
        <translation>
            <numerusform>读取了 %n 个同步包</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="84"/>
        <source>{read}; all of them were merged into this laptop&apos;s data.</source>
        <translation>{read}，已全部合并到本机数据。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="88"/>
        <source>{read}; all of them had been received before: nothing changed.</source>
        <translation>{read}，均已接收过：没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="91"/>
        <source>{read}; {skipped} had been received before and were skipped.</source>
        <translation>{read}，其中 {skipped} 个以前已接收，已跳过。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="97"/>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="125"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="98"/>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="126"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="99"/>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="127"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="100"/>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="128"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="101"/>
        <source>Skipped (already received)</source>
        <translation>跳过（已接收过）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="122"/>
        <source>From</source>
        <translation>发送人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="123"/>
        <source>Made at</source>
        <translation>制作时间</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="124"/>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="129"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="130"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="161"/>
        <source>laptop {node}</source>
        <translation>电脑 {node}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="164"/>
        <source>Already received: skipped</source>
        <translation>已接收过：跳过</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="164"/>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="166"/>
        <source>Merged (everything)</source>
        <translation>已合并（全部数据）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="188"/>
        <source>%n organization(s) created twice with the same credit code were merged into one ({moved} references moved).</source>
        <translation>
            <numerusform>%n 个在两台电脑上重复创建、统一社会信用代码相同的单位已自动合并（{moved} 处引用已转移）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="196"/>
        <source>%n pair(s) of look-alike organizations to review on the Sync page.</source>
        <translation>
            <numerusform>发现 %n 对疑似重复单位，请在“同步”页审核。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="203"/>
        <source>%n attached file(s) received, each checked against its fingerprint (SHA-256).</source>
        <translation>
            <numerusform>收到 %n 个附件文件，均已按指纹（SHA-256）校验。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="210"/>
        <source>Fields edited on two laptops at once keep the later edit; the other value waits on the Sync page, where it can be restored.</source>
        <translation>两台电脑同时修改的字段保留较晚的修改；另一个值留在“同步”页，可以在那里恢复。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="217"/>
        <source>Backup taken before the import: {path}</source>
        <translation>接收前已备份：{path}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_report_dialog.py" line="220"/>
        <source>Nothing was new, so no backup was needed.</source>
        <translation>没有新内容，无需备份。</translation>
    </message>
</context>
<context>
    <name>SyncSendDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="59"/>
        <source>Send my work</source>
        <extracomment>The folder packages were last written to or read from (shared by Send and Receive). Sending marks the records sent (the Sync page counts those not sent yet).</extracomment>
        <translation>发送我的工作</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="65"/>
        <source>%n record(s) changed or received here have not been sent yet.</source>
        <translation>
            <numerusform>本机有 %n 条修改或接收的记录尚未发送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="68"/>
        <source>Everything on this laptop has been sent already.</source>
        <translation>本机的所有数据都已发送过。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="70"/>
        <source>&amp;Only what I have not sent yet</source>
        <translation>只发送尚未发送的内容(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="72"/>
        <source>&amp;Everything (for a new laptop)</source>
        <translation>全部数据（供新电脑加入）(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="77"/>
        <source>Give the file to the team leader (USB stick, shared folder or chat). It is encrypted with the team passphrase.</source>
        <translation>请把文件交给队长（U 盘、共享文件夹或聊天工具传送均可）。文件已用团队口令加密。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="97"/>
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="101"/>
        <source>&amp;Save package…</source>
        <translation>保存同步包(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="104"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="131"/>
        <source>Save the sync package</source>
        <translation>保存同步包</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="133"/>
        <source>FieldLog sync package (*.fieldsync)</source>
        <translation>FieldLog 同步包 (*.fieldsync)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="140"/>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="154"/>
        <source>everything</source>
        <translation>全部数据</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="154"/>
        <source>your changes not sent before</source>
        <translation>此前未发送的修改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="155"/>
        <source>&lt;b&gt;Written:&lt;/b&gt; {path}&lt;br&gt;%n record(s) ({what}).</source>
        <translation>
            <numerusform>&lt;b&gt;已保存：&lt;/b&gt;{path}&lt;br&gt;共 %n 条记录（{what}）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="158"/>
        <source>With %n attached file(s), {size}.</source>
        <translation>
            <numerusform>附带 %n 个附件文件，共 {size}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/dialogs/sync_send_dialog.py" line="162"/>
        <source>%n attachment(s) ({size}) did not fit in this package: they go with the next one.</source>
        <translation>
            <numerusform>%n 个附件（{size}）本包放不下，将随下一个同步包发送。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="68"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="74"/>
        <source>&amp;Send my work…</source>
        <translation>发送我的工作(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="76"/>
        <source>&amp;Receive…</source>
        <translation>接收(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="78"/>
        <source>Team &amp;passphrase…</source>
        <translation>团队口令(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="82"/>
        <source>Res&amp;tore the other value</source>
        <translation>恢复另一个值(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="84"/>
        <source>&amp;Keep</source>
        <translation>保留(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="85"/>
        <source>Keep the value that won; the conflict is reviewed.</source>
        <translation>保留当前值，此冲突标记为已审核。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="87"/>
        <source>Merge, keep &amp;left</source>
        <translation>合并，保留左侧(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="89"/>
        <source>Merge, keep ri&amp;ght</source>
        <translation>合并，保留右侧(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="91"/>
        <source>&amp;Not the same</source>
        <translation>不是同一单位(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="119"/>
        <source>Members whose laptop never sent a package, or sent nothing for a week, come first.</source>
        <translation>从未发送或超过一周未发送的队员排在最前面。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="127"/>
        <source>Edited on two laptops at once: the later edit was kept. Restoring the other value is a new edit that reaches every laptop with the next packages.</source>
        <translation>两台电脑同时修改了同一字段：已保留较晚的修改。恢复另一个值相当于一次新的修改，会随下一批同步包传到每台电脑。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="135"/>
        <source>Organizations with the same name, created on different laptops.</source>
        <translation>在不同电脑上创建的同名单位。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/views/sync_view.py" line="197"/>
        <source>Last received (%n need attention)</source>
        <translation>
            <numerusform>最近接收（%n 人需关注）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="199"/>
        <source>Last received</source>
        <translation>最近接收</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/views/sync_view.py" line="201"/>
        <source>Conflicts to review (%n)</source>
        <translation>
            <numerusform>待审核冲突（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/views/sync_view.py" line="202"/>
        <source>Look-alike organizations (%n)</source>
        <translation>
            <numerusform>疑似重复单位（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="221"/>
        <source>No team passphrase kept on this computer: it is asked when you send or receive.</source>
        <translation>本机没有保存工作队口令：发送或接收时会询问。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/views/sync_view.py" line="228"/>
        <source>%n record(s) not sent yet.</source>
        <translation>
            <numerusform>%n 条记录尚未发送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="230"/>
        <source>Everything has been sent.</source>
        <translation>所有数据都已发送。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="264"/>
        <source>Merge organizations</source>
        <translation>合并单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/sync_view.py" line="266"/>
        <source>Merge {other} ({other_visits} visits) into {keep} ({keep_visits} visits)?

Visits, contacts and projects move to the record kept. A merge cannot be undone.</source>
        <translation>把 {other}（{other_visits} 次走访）合并到 {keep}（{keep_visits} 次走访）？

走访、联系人和项目都将转到保留的记录。合并后无法撤销。</translation>
    </message>
</context>
<context>
    <name>TargetPeriodEdit</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="109"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="110"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="115"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="116"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="117"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="119"/>
        <source>The dispatch ({period})</source>
        <translation>驻点期间（{period}）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="121"/>
        <source>A month</source>
        <translation>某月</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="122"/>
        <source>A year</source>
        <translation>某年</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="123"/>
        <source>From … to …</source>
        <translation>自定义起止</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/period_picker.py" line="141"/>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="64"/>
        <source>Targets</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="80"/>
        <source>Targets for</source>
        <translation>目标对象</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="82"/>
        <source>The team</source>
        <translation>工作队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="83"/>
        <source>A work group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="84"/>
        <source>A member</source>
        <translation>队员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="85"/>
        <source>A county</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="91"/>
        <source>Team, group, member or county</source>
        <translation>工作队、工作组、队员或区县</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="104"/>
        <source>C&amp;lear all</source>
        <translation>全部清除(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="115"/>
        <source>{label}: enter the target in 100M yuan, such as 25 or 4.389</source>
        <translation>{label}：以亿元填写目标，如 25 或 4.389</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="203"/>
        <source>{field}: enter an amount in 100M yuan, such as 25 or 4.389.</source>
        <translation>{field}：请以亿元填写金额，如 25 或 4.389。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="119"/>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="134"/>
        <source>&amp;For</source>
        <translation>对象(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="135"/>
        <source>&amp;Period</source>
        <translation>期间(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="136"/>
        <source>Targets (leave a field empty for no target)</source>
        <translation>目标（留空表示不设目标）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="175"/>
        <source>The period ends before it starts; correct the dates.</source>
        <translation>期间的结束日期早于开始日期，请更正。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="182"/>
        <source>Set up the team first: there is nothing to set targets for.</source>
        <translation>请先设置工作队：目前没有可设目标的对象。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="195"/>
        <source>{field}: a target cannot be negative.</source>
        <translation>{field}：目标不能为负数。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="198"/>
        <source>{field}: enter a whole number.</source>
        <translation>{field}：请填写整数。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="265"/>
        <source>Set targets of {name}</source>
        <translation>设置 {name} 的目标任务</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/targets_dialog.py" line="272"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>TargetsTable</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/targets_table.py" line="65"/>
        <source>Targets against actuals</source>
        <translation>目标完成情况</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/targets_table.py" line="68"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/targets_table.py" line="69"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/targets_table.py" line="70"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/targets_table.py" line="71"/>
        <source>Actual</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/targets_table.py" line="72"/>
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/targets_table.py" line="73"/>
        <source>Time elapsed</source>
        <translation>时间进度</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/targets_table.py" line="74"/>
        <source>Ahead / behind</source>
        <translation>超/欠时间进度</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/targets_table.py" line="108"/>
        <source>Team: {name}</source>
        <translation>工作队：{name}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/targets_table.py" line="109"/>
        <source>Group: {name}</source>
        <translation>工作组：{name}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/targets_table.py" line="110"/>
        <source>Member: {name}</source>
        <translation>队员：{name}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/targets_table.py" line="111"/>
        <source>County: {name}</source>
        <translation>区县：{name}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/targets_table.py" line="130"/>
        <source>Behind the time pace</source>
        <translation>落后于时间进度</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/targets_table.py" line="130"/>
        <source>Ahead of the time pace</source>
        <translation>超前于时间进度</translation>
    </message>
</context>
<context>
    <name>TeamRankingTable</name>
    <message>
        <location filename="../../fieldlog/ui/bureau/team_ranking.py" line="39"/>
        <source>Teams ranked against their targets</source>
        <translation>各工作队对照目标的排名</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/team_ranking.py" line="40"/>
        <source>Team</source>
        <translation>工作队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/team_ranking.py" line="42"/>
        <source>Target completion (pace)</source>
        <translation>目标完成率（超/欠进度）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/team_ranking.py" line="52"/>
        <source>Total of all teams (an enterprise several teams visited counts once)</source>
        <translation>各队合计（同一企业只计一次）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/team_ranking.py" line="84"/>
        <source>No team target for this figure runs on this day.</source>
        <translation>这一天该指标没有正在执行的工作队目标。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/team_ranking.py" line="91"/>
        <source>Target {target} from {start} to {end}; done so far {actual}; {elapsed} of the time has gone by. In brackets: ahead (+) or behind (−) the time pace.</source>
        <translation>目标 {target}（{start} 至 {end}）；目前完成 {actual}；时间已过 {elapsed}。括号内：超（+）或欠（−）时间进度。</translation>
    </message>
</context>
<context>
    <name>TeamSelector</name>
    <message>
        <location filename="../../fieldlog/ui/bureau/team_selector.py" line="15"/>
        <source>All teams (an enterprise several teams visited counts once)</source>
        <translation>全部工作队（同一企业只计一次）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/team_selector.py" line="27"/>
        <source>Team shown</source>
        <translation>显示的工作队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/bureau/team_selector.py" line="28"/>
        <source>Whose records every page shows</source>
        <translation>各页面显示哪个工作队的记录</translation>
    </message>
</context>
<context>
    <name>TeamSetupDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="74"/>
        <source>Set up your team</source>
        <translation>设置工作队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="74"/>
        <source>Team and members</source>
        <extracomment>The team, its members and work groups, and its counties (a vocabulary).</extracomment>
        <translation>工作队与队员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="77"/>
        <source>e.g. 铜仁市驻深招商工作队</source>
        <translation>如：铜仁市驻深招商工作队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="116"/>
        <source>Team name</source>
        <translation>工作队名称</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="117"/>
        <source>Reporting unit</source>
        <translation>填报单位</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="123"/>
        <source>Dispatch period</source>
        <translation>驻点期间</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="126"/>
        <source>Return prepared by</source>
        <translation>填报人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="127"/>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="128"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="133"/>
        <source>Weekly return</source>
        <translation>工作周报</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="134"/>
        <source>Add member</source>
        <translation>添加队员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="136"/>
        <source>Remove member</source>
        <translation>移除队员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="142"/>
        <source>I am</source>
        <translation>我是</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="147"/>
        <source>Members</source>
        <translation>队员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="154"/>
        <source>Work groups</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="168"/>
        <source>Create team</source>
        <translation>创建工作队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="172"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/team_setup_dialog.py" line="146"/>
        <source>Members (one row each; a work group is created per name)</source>
        <translation>队员（每人一行；按所填工作组名称自动建组）</translation>
    </message>
</context>
<context>
    <name>TrancheDialog</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="120"/>
        <source>Edit funds tranche</source>
        <translation>编辑到位资金</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="158"/>
        <source>Edit funds of {0}</source>
        <translation>编辑 {0} 的到位资金</translation>
    </message>
</context>
<context>
    <name>TranchePanel</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="71"/>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="174"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="59"/>
        <source>10k yuan</source>
        <extracomment>A tranche belongs to its project (its funds in place, 到位率). Columns of the tranche table that the code sets apart.</extracomment>
        <translation>万元</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="72"/>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="174"/>
        <source>Amount (10k yuan)</source>
        <translation>金额（万元）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="73"/>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="174"/>
        <source>Origin</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="74"/>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="175"/>
        <source>Evidence</source>
        <translation>凭证</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="75"/>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="175"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="103"/>
        <source>Amount: {0}</source>
        <translation>金额：{0}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="175"/>
        <source>Running total (10k yuan)</source>
        <translation>累计到位资金（万元）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="245"/>
        <source>Funds in place {total} / contract {contract} (rate {rate})</source>
        <translation>到位资金 {total} / 合同投资额 {contract}（到位率 {rate}）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="285"/>
        <source>Add funds of {0}</source>
        <translation>新增到位资金 {0}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="177"/>
        <source>Funds tranches</source>
        <translation>到位资金明细</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="186"/>
        <source>&amp;Edit tranche…</source>
        <translation>编辑到位资金(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="188"/>
        <source>De&amp;lete tranche</source>
        <translation>删除到位资金(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="196"/>
        <source>Add tranche…</source>
        <translation>新增到位资金记录…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="307"/>
        <source>Delete funds of {0}</source>
        <translation>删除 {0} 的到位资金</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/tranche_table.py" line="215"/>
        <source>&amp;Add tranche</source>
        <translation>新增一笔(&amp;A)</translation>
    </message>
</context>
<context>
    <name>UpgradeProgressDialog</name>
    <message>
        <location filename="../../fieldlog/ui/upgrade_progress.py" line="49"/>
        <source>Upgrading the database</source>
        <extracomment>How long an opening may take before the window keeps itself alive while it waits (s). The progress bar&apos;s scale.</extracomment>
        <translation>正在升级数据库</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/upgrade_progress.py" line="57"/>
        <source>This version of FieldLog keeps the database in a new form: it is upgraded once, after a backup copy. Stopping leaves it as it was.</source>
        <translation>此版本的 FieldLog 以新的形式保存数据库：先做一份备份，再升级一次。中止升级则数据库保持原样。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/upgrade_progress.py" line="65"/>
        <source>Upgrade progress</source>
        <translation>升级进度</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/upgrade_progress.py" line="68"/>
        <source>Stop the upgrade</source>
        <translation>中止升级</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/upgrade_progress.py" line="79"/>
        <source>Stopping: the database stays as it was…</source>
        <translation>正在中止：数据库保持原样……</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/upgrade_progress.py" line="102"/>
        <source>Step {number} of {count}: {step}</source>
        <translation>第 {number} 步，共 {count} 步：{step}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/upgrade_progress.py" line="107"/>
        <source>Estimating the time this step needs…</source>
        <translation>正在估算这一步所需的时间……</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/upgrade_progress.py" line="109"/>
        <source>About {minutes} min left in this step</source>
        <translation>这一步约剩 {minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/upgrade_progress.py" line="110"/>
        <source>About {seconds} s left in this step</source>
        <translation>这一步约剩 {seconds} 秒</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="113"/>
        <source>&amp;Save</source>
        <extracomment>Opens the file picker of the visit&apos;s attachments from any field of the dialog. Read a business card met on this visit (the card dialog, the visit&apos;s organization chosen).</extracomment>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="114"/>
        <source>Save the visit (Ctrl+Enter)</source>
        <translation>保存走访记录（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="115"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="163"/>
        <source>New visit</source>
        <translation>新建走访</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="165"/>
        <source>Edit visit — {org}</source>
        <translation>编辑走访 — {org}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="179"/>
        <source>Attach photos, PDFs or Office files ({keys}); read a business card met on this visit ({card})</source>
        <translation>添加照片、PDF 或 Office 文件（{keys}）；读取本次走访收到的名片（{card}）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="212"/>
        <source>Draft restored: this entry was not saved last time.</source>
        <translation>已恢复草稿：上次录入的内容尚未保存。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="213"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="258"/>
        <source>New visit to {org}</source>
        <translation>新建走访：{org}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="259"/>
        <source>Edit of the visit to {org}</source>
        <translation>编辑走访：{org}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="270"/>
        <source>Close without saving</source>
        <translation>不保存就关闭</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="272"/>
        <source>This visit is not saved. Discard what was entered, or keep it as a draft that this form shows again next time?</source>
        <translation>这条走访尚未保存。放弃已填写的内容，还是保留为草稿（下次打开本表单时恢复）？</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="279"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="280"/>
        <source>&amp;Keep as draft</source>
        <translation>保留为草稿(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_dialog.py" line="281"/>
        <source>&amp;Continue editing</source>
        <translation>继续编辑(&amp;C)</translation>
    </message>
</context>
<context>
    <name>VisitFields</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="122"/>
        <source>What was discussed, what was agreed</source>
        <translation>洽谈内容及达成的共识</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="126"/>
        <source>&amp;Follow up on</source>
        <translation>需跟进(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="129"/>
        <source>Open a &amp;lead from this visit</source>
        <translation>由此走访新建线索(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="131"/>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="136"/>
        <source>Not stated</source>
        <translation>未明确</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="137"/>
        <source>Strong</source>
        <translation>强</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="138"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="139"/>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="140"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="145"/>
        <source>Kind of visit</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="146"/>
        <source>Visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="147"/>
        <source>Summary</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="148"/>
        <source>Intent</source>
        <translation>意向程度</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="149"/>
        <source>Next follow-up date</source>
        <translation>下次跟进日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="150"/>
        <source>Project</source>
        <translation>关联项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="151"/>
        <source>Name of the new lead</source>
        <translation>新线索名称</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="163"/>
        <source>&amp;Organization</source>
        <translation>走访对象(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="164"/>
        <source>&amp;Visitors</source>
        <translation>走访人员(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="165"/>
        <source>&amp;Kind</source>
        <translation>走访方式(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="166"/>
        <source>&amp;Date</source>
        <translation>走访日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="167"/>
        <source>&amp;Contacts met</source>
        <translation>会见联系人(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="168"/>
        <source>&amp;Summary</source>
        <translation>走访情况(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="169"/>
        <source>&amp;Intent</source>
        <translation>意向程度(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="174"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="175"/>
        <source>&amp;Project</source>
        <translation>关联项目(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_fields.py" line="254"/>
        <source>No project</source>
        <translation>不关联项目</translation>
    </message>
</context>
<context>
    <name>VisitFilterBar</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="59"/>
        <source>Date range</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="60"/>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="61"/>
        <source>To date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="62"/>
        <source>Member</source>
        <translation>队员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="63"/>
        <source>Work group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="64"/>
        <source>Chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="65"/>
        <source>Organization kind</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="82"/>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="83"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="84"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="85"/>
        <source>Dispatch period</source>
        <translation>驻点期间</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="86"/>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="91"/>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="92"/>
        <source>Associations</source>
        <translation>商协会</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="93"/>
        <source>Parks</source>
        <translation>园区</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="94"/>
        <source>Intermediaries</source>
        <translation>中介机构</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="95"/>
        <source>Government</source>
        <translation>政府部门</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="97"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="105"/>
        <source>All members</source>
        <translation>全部队员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="106"/>
        <source>All groups</source>
        <translation>全部工作组</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/filter_bar.py" line="107"/>
        <source>All chains</source>
        <translation>全部产业链</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_form.py" line="138"/>
        <source>Choose the organization from the list, or create it.</source>
        <translation>请从列表中选择单位，或新建单位。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_form.py" line="139"/>
        <source>Which organization was visited?</source>
        <translation>走访的是哪个单位？</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_form.py" line="142"/>
        <source>Check at least one visitor.</source>
        <translation>请至少勾选一名走访人员。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_form.py" line="147"/>
        <source>The next follow-up cannot be before the visit.</source>
        <translation>下次跟进日期不能早于走访日期。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/visit_form.py" line="152"/>
        <source>Name the new lead (the project).</source>
        <translation>请填写新线索（项目）的名称。</translation>
    </message>
</context>
<context>
    <name>VisitLogView</name>
    <message>
        <location filename="../../fieldlog/ui/first_paint.py" line="93"/>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="80"/>
        <source>Search organization, summary, pinyin initials or credit code</source>
        <extracomment>How many more pages `select_visit` reads to find a visit the log has not loaded yet. What the log shows: visits, their organizations, visitors and groups, kinds and chains.</extracomment>
        <translation>搜索单位、走访情况、拼音首字母或信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="82"/>
        <source>Search visits</source>
        <translation>搜索走访记录</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="85"/>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="370"/>
        <source>&amp;New visit…</source>
        <translation>新建走访(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="92"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="97"/>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="365"/>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="107"/>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="216"/>
        <source>Delete the visit to {org} on {date}?</source>
        <translation>确定删除 {date} 对{org}的走访吗？</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="219"/>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="225"/>
        <source>Delete visit</source>
        <translation>删除走访</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="278"/>
        <source>Counting visits…</source>
        <translation>正在统计走访…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="281"/>
        <source>{count}+ visits</source>
        <translation>共 {count}+ 次走访</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="283"/>
        <source>No visits</source>
        <translation>暂无走访</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="285"/>
        <source>1 visit</source>
        <translation>共 1 次走访</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="287"/>
        <source>{count} visits</source>
        <translation>共 {count} 次走访</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="289"/>
        <source>{visits} · showing the end of the log</source>
        <translation>{visits} · 显示记录末尾</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="361"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/views/visit_log_view.py" line="363"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <location filename="../../fieldlog/ui/models/visit_cells.py" line="77"/>
        <source>Strong</source>
        <translation>强</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/visit_cells.py" line="78"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/visit_cells.py" line="79"/>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/visit_cells.py" line="80"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/visit_cells.py" line="63"/>
        <source>Date</source>
        <extracomment>Rows to a page of the log (the first page is read before the rest of the window loads). Column widths: room for a typical value (and for the header with its sort arrow).</extracomment>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/visit_cells.py" line="64"/>
        <source>Organization</source>
        <translation>走访对象</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/visit_cells.py" line="65"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/visit_cells.py" line="66"/>
        <source>Visitors</source>
        <translation>走访人员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/visit_cells.py" line="67"/>
        <source>Chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/visit_cells.py" line="68"/>
        <source>Intent</source>
        <translation>意向</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/visit_cells.py" line="69"/>
        <source>Summary</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/models/visit_cells.py" line="70"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
</context>
<context>
    <name>WarningsPanel</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/warnings_panel.py" line="73"/>
        <source>Stale projects per colour</source>
        <translation>各色预警项目数</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/warnings_panel.py" line="74"/>
        <source>Who</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/warnings_panel.py" line="83"/>
        <source>Complete leads of the week against the quota</source>
        <translation>本周完整线索与定额</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/warnings_panel.py" line="85"/>
        <source>Member</source>
        <translation>队员</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/warnings_panel.py" line="86"/>
        <source>New leads</source>
        <translation>新增线索</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/warnings_panel.py" line="87"/>
        <source>Complete leads</source>
        <translation>完整线索</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/warnings_panel.py" line="88"/>
        <source>Weekly quota</source>
        <translation>每周定额</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/warnings_panel.py" line="89"/>
        <source>Quota met</source>
        <translation>是否达标</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/warnings_panel.py" line="112"/>
        <source>&lt;b&gt;Warnings&lt;/b&gt; as at {day}: projects without activity</source>
        <translation>&lt;b&gt;三色预警&lt;/b&gt;（截至 {day}）：长期无进展项目</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldlog/ui/widgets/warnings_panel.py" line="118"/>
        <source>Leads answered late: %n</source>
        <translation>
            <numerusform>迟复线索：%n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/warnings_panel.py" line="120"/>
        <source>&lt;b&gt;Complete leads&lt;/b&gt; of the week {week} ({period})</source>
        <translation>&lt;b&gt;完整线索&lt;/b&gt;：{week}（{period}）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/warnings_panel.py" line="127"/>
        <source>Whole team</source>
        <translation>全队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/warnings_panel.py" line="143"/>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/warnings_panel.py" line="143"/>
        <source>Not met</source>
        <translation>未达标</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../fieldlog/ui/welcome_panel.py" line="38"/>
        <source>Welcome to FieldLog</source>
        <extracomment>A new laptop joins its team from the team leader&apos;s full package.</extracomment>
        <translation>欢迎使用驻点招商走访日志</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/welcome_panel.py" line="41"/>
        <source>FieldLog is an offline logbook for investment-promotion teams dispatched to another city.
It records visits to enterprises and associations, follows leads to signed projects and funds in place, and writes the weekly return.</source>
        <translation>FieldLog 是面向异地驻点招商工作队的离线工作日志，用于记录对企业和商协会的走访，跟踪线索直至项目签约、资金到位，并生成周报。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/welcome_panel.py" line="49"/>
        <location filename="../../fieldlog/ui/welcome_panel.py" line="51"/>
        <source>Load the demo dispatch</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/welcome_panel.py" line="53"/>
        <source>Set up my team…</source>
        <translation>设置我的工作队…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/welcome_panel.py" line="57"/>
        <source>Join with a package from my team leader…</source>
        <translation>用队长发来的同步包加入工作队…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/welcome_panel.py" line="62"/>
        <source>Set up your team to start logging visits, join your team with the sync package your team leader sent you (everything, for a new laptop), or look around in the demo dispatch first (it goes into this database; use a separate one for real work).</source>
        <translation>设置工作队后即可开始记录走访；也可以用队长发来的同步包（新电脑用的完整包）加入工作队，或先看看演示数据（演示数据会写入当前数据库，正式工作请另用一个数据库）。</translation>
    </message>
</context>
<context>
    <name>WrittenFile</name>
    <message>
        <location filename="../../fieldlog/ui/dialogs/written_file.py" line="29"/>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/dialogs/written_file.py" line="38"/>
        <source>&lt;b&gt;Written:&lt;/b&gt; {path}</source>
        <translation>&lt;b&gt;已写入：&lt;/b&gt;{path}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../fieldlog/app.py" line="102"/>
        <source>FieldLog cannot open the database {location}.</source>
        <translation>无法打开数据库：{location}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/app.py" line="105"/>
        <location filename="../../fieldlog/app.py" line="140"/>
        <source>FieldLog</source>
        <translation>驻点招商走访日志</translation>
    </message>
    <message>
        <location filename="../../fieldlog/app.py" line="110"/>
        <source>Nothing was changed. Open another database with --db, or choose another file.</source>
        <translation>未作任何更改。请用 --db 打开其他数据库，或选择其他文件。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/app.py" line="137"/>
        <source>There is no FieldLog database at {location}.</source>
        <translation>{location} 处没有 FieldLog 数据库。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/app.py" line="146"/>
        <source>Create a new, empty database there? Choose No if the path has a typo.</source>
        <translation>在那里新建一个空数据库吗？如果路径写错了，请选择“否”。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/app.py" line="164"/>
        <source>(an address FieldLog cannot read)</source>
        <translation>（FieldLog 无法识别的地址）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/app.py" line="431"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
</context>
<context>
    <name>chainMap</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_tile.py" line="35"/>
        <source>Upstream</source>
        <extracomment>Status → (tile background, border, badge colour). The badge word says the same as the colour.</extracomment>
        <translation>上游</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_tile.py" line="36"/>
        <source>Midstream</source>
        <translation>中游</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_tile.py" line="37"/>
        <source>Downstream</source>
        <translation>下游</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_tile.py" line="55"/>
        <source>GAP — to fill</source>
        <translation>待补链</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_tile.py" line="56"/>
        <source>In talks</source>
        <translation>在谈</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_tile.py" line="57"/>
        <source>Signed</source>
        <translation>签约</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_tile.py" line="70"/>
        <source>Organizations %1 · visited %2</source>
        <translation>走访对象 %1 · 已走访 %2</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_tile.py" line="73"/>
        <source>Open projects %1 · planned %2</source>
        <translation>在谈项目 %1 · 计划总投资 %2</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_tile.py" line="78"/>
        <source>Signed %1 · contract %2 · funds %3</source>
        <translation>签约项目 %1 · 合同投资额 %2 · 到位资金 %3</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_tile.py" line="76"/>
        <source>No open project</source>
        <translation>无在谈项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/chain_link_tile.py" line="82"/>
        <source>No signed project</source>
        <translation>无签约项目</translation>
    </message>
</context>
<context>
    <name>database_errors</name>
    <message>
        <location filename="../../fieldlog/ui/database_errors.py" line="36"/>
        <source>Another FieldLog is writing to this database; try again when it has finished.</source>
        <translation>另一个驻点招商走访日志正在写入此数据库；请等它完成后再试。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/database_errors.py" line="41"/>
        <source>This database is opened read-only: you can read and export, but not change it.</source>
        <translation>此数据库以只读方式打开：可以查看和导出，但不能修改。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/database_errors.py" line="46"/>
        <source>The disk is full: nothing was changed. Free some space and try again.</source>
        <translation>磁盘已满：没有做任何修改。请腾出空间后再试。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/database_errors.py" line="59"/>
        <source>Another FieldLog is writing to this database. Waiting for it…</source>
        <translation>另一个驻点招商走访日志正在写入此数据库，正在等待……</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/database_errors.py" line="62"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/database_errors.py" line="65"/>
        <source>FieldLog</source>
        <translation>驻点招商走访日志</translation>
    </message>
</context>
<context>
    <name>encryption</name>
    <message>
        <location filename="../../fieldlog/ui/encryption_flow.py" line="68"/>
        <source>Encrypting the database and its backups…</source>
        <extracomment>Run with the new window once the replaced one is gone (joining the team from there).</extracomment>
        <translation>正在加密数据库及其备份…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/encryption_flow.py" line="70"/>
        <source>Removing the encryption from the database…</source>
        <translation>正在取消数据库的加密…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/encryption_flow.py" line="111"/>
        <source>The database is encrypted; backups encrypted: {converted}, deleted: {removed}.</source>
        <translation>数据库已加密；已加密的备份：{converted} 个，已删除：{removed} 个。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/encryption_flow.py" line="120"/>
        <source>The database is no longer encrypted; backups decrypted: {converted}, left encrypted (another password): {left}.</source>
        <translation>数据库已不再加密；已解密的备份：{converted} 个，仍加密（密码不同）：{left} 个。</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../../fieldlog/ui/operations.py" line="91"/>
        <source>FieldLog met an unexpected error and could not finish this.</source>
        <translation>FieldLog 遇到意外错误，未能完成此操作。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/operations.py" line="155"/>
        <source>FieldLog</source>
        <translation>驻点招商走访日志</translation>
    </message>
</context>
<context>
    <name>problem_boxes</name>
    <message>
        <location filename="../../fieldlog/ui/problem_boxes.py" line="45"/>
        <source>The details were written to {file}.</source>
        <translation>详细情况已写入 {file}。</translation>
    </message>
</context>
<context>
    <name>stages</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="47"/>
        <source>Lead</source>
        <extracomment>The mime type a dragged card carries; the data is the project id. A stale colour&apos;s badge: (background, text). Dark text on a pale ground reads on any card; the badge names the colour in words, so it never rests on the colour alone.</extracomment>
        <translation>线索</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="48"/>
        <source>Negotiating</source>
        <translation>在谈</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="49"/>
        <source>Inspected</source>
        <translation>考察</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="50"/>
        <source>Signed</source>
        <translation>签约</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="51"/>
        <source>Registered</source>
        <translation>注册</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="52"/>
        <source>Started</source>
        <translation>开工</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="53"/>
        <source>Producing</source>
        <translation>投产</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="54"/>
        <source>Paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="55"/>
        <source>Dropped</source>
        <translation>终止</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../../fieldlog/ui/tasks.py" line="30"/>
        <source>FieldLog</source>
        <extracomment>How a task ended (an operation&apos;s outcome): its result, or the sentence saying why it failed.</extracomment>
        <translation>驻点招商走访日志</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/database_errors.py" line="52"/>
        <source>{file} could not be written: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
</context>
<context>
    <name>undo</name>
    <message>
        <location filename="../../fieldlog/ui/operations.py" line="175"/>
        <source>“{change}” was not undone: {reason}</source>
        <translation>未能撤销“{change}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/operations.py" line="177"/>
        <source>“{change}” was not redone: {reason}</source>
        <translation>未能重做“{change}”：{reason}</translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="63"/>
        <source>Yellow warning</source>
        <translation>黄色预警</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="64"/>
        <source>Red warning</source>
        <translation>红色预警</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="65"/>
        <source>Suggest retiring</source>
        <translation>建议退库</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/widgets/project_card.py" line="72"/>
        <source>%1 · %2 days idle</source>
        <translation>%1 · %2 天无进展</translation>
    </message>
</context>
</TS>
