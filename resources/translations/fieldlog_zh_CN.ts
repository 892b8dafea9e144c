<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>HeadlinePanel</name>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="72"/>
        <source>No team set up yet</source>
        <translation>尚未设置工作队</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="90"/>
        <source>Enterprises visited</source>
        <translation>走访企业</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="91"/>
        <source>Associations visited</source>
        <translation>走访商协会</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="92"/>
        <source>Visits</source>
        <translation>走访次数</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="93"/>
        <source>New leads</source>
        <translation>新增线索</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="94"/>
        <source>Projects in negotiation</source>
        <translation>在谈项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="95"/>
        <source>Projects signed</source>
        <translation>签约项目</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="96"/>
        <source>Contract amount (100M yuan)</source>
        <translation>合同投资额（亿元）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="97"/>
        <source>Funds in place (100M yuan)</source>
        <translation>到位资金（亿元）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="102"/>
        <source>No dispatch period set: figures cover all recorded work</source>
        <translation>未设置驻点期间：数据为全部已录入工作的累计</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="104"/>
        <source>Dispatch period: {period}</source>
        <translation>驻点期间：{period}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="105"/>
        <source>Dispatch period: {period} ({days} days)</source>
        <translation>驻点期间：{period}（共 {days} 天）</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="110"/>
        <source>Counted by the rules of the weekly return, over all recorded work.</source>
        <translation>统计口径同周报，范围为全部已录入工作。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="112"/>
        <source>Large figures: the dispatch period. Small figures: all time. Counted by the rules of the weekly return.</source>
        <translation>大字为驻点期间数据，小字为累计数据。统计口径同周报。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="140"/>
        <source>All time</source>
        <translation>累计</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/headline_panel.py" line="149"/>
        <source>{caption}: {value}</source>
        <translation>{caption}：{value}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="37"/>
        <source>FieldLog — {name}</source>
        <translation>驻点招商走访日志 — {name}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="40"/>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="45"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="46"/>
        <source>Load &amp;demo data…</source>
        <translation>载入演示数据(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="51"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="56"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="57"/>
        <source>&amp;About FieldLog</source>
        <translation>关于 FieldLog(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="84"/>
        <source>Loading the demo dispatch…</source>
        <translation>正在载入演示数据…</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="90"/>
        <source>Demo dispatch loaded: {members} members, {orgs} organizations, {visits} visits, {projects} projects.</source>
        <translation>演示数据已载入：成员 {members} 人，企业及商协会 {orgs} 家，走访 {visits} 次，项目 {projects} 个。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="107"/>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="109"/>
        <source>Load the demo dispatch (a 24-cadre team stationed in Shenzhen, with its visits and projects) into {name}?

This is possible only while the database holds no visits.</source>
        <translation>是否将演示数据（一支驻深圳的 24 人招商工作队及其走访和项目记录）载入 {name}？

仅当数据库中尚无走访记录时才能载入。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="121"/>
        <source>About FieldLog</source>
        <translation>关于 FieldLog</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/main_window.py" line="123"/>
        <source>&lt;h3&gt;FieldLog {version}&lt;/h3&gt;&lt;p&gt;An offline logbook for investment-promotion teams dispatched to another city: visits, leads, projects, funds in place and the weekly return.&lt;/p&gt;&lt;p&gt;Database: {name}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FieldLog {version} 驻点招商走访日志&lt;/h3&gt;&lt;p&gt;面向异地驻点招商工作队的离线工作日志：记录走访、线索、项目和到位资金，并生成周报。&lt;/p&gt;&lt;p&gt;数据库：{name}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../fieldlog/ui/welcome_panel.py" line="28"/>
        <source>Welcome to FieldLog</source>
        <translation>欢迎使用驻点招商走访日志</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/welcome_panel.py" line="31"/>
        <source>FieldLog is an offline logbook for investment-promotion teams dispatched to another city.
It records visits to enterprises and associations, follows leads to signed projects and funds in place, and writes the weekly return.</source>
        <translation>FieldLog 是面向异地驻点招商工作队的离线工作日志，用于记录对企业和商协会的走访，跟踪线索直至项目签约、资金到位，并生成周报。</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/welcome_panel.py" line="39"/>
        <location filename="../../fieldlog/ui/welcome_panel.py" line="41"/>
        <source>Load the demo dispatch</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../fieldlog/ui/welcome_panel.py" line="44"/>
        <source>Setting up your own team comes with the next version of FieldLog.</source>
        <translation>设置本单位工作队的功能将在下一版本中提供。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../fieldlog/app.py" line="84"/>
        <source>FieldLog cannot open the database {location}.</source>
        <translation>无法打开数据库：{location}</translation>
    </message>
    <message>
        <location filename="../../fieldlog/app.py" line="87"/>
        <source>FieldLog</source>
        <translation>驻点招商走访日志</translation>
    </message>
    <message>
        <location filename="../../fieldlog/app.py" line="92"/>
        <source>Nothing was changed. Open another database with --db, or choose another file.</source>
        <translation>未作任何更改。请用 --db 打开其他数据库，或选择其他文件。</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../../fieldlog/ui/operations.py" line="60"/>
        <source>FieldLog</source>
        <translation>驻点招商走访日志</translation>
    </message>
</context>
</TS>
