<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>License Consolidator for Atlassian</source>
        <translation>授权归集助手</translation>
    </message>
    <message>
        <source>Licenses will be listed here.</source>
        <translation>授权将列在这里。</translation>
    </message>
</context>
</TS>
