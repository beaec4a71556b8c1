<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>AccountActions</name>
    <message numerus="yes">
        <source>Read %n license(s) from the pasted text.</source>
        <translation>
            <numerusform>Read %n license from the pasted text.</numerusform>
            <numerusform>Read %n licenses from the pasted text.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s): %1</source>
        <translation>
            <numerusform>%n note: %1</numerusform>
            <numerusform>%n notes: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n license(s) as the table shows them now: the search and the filter apply.</source>
        <translation>
            <numerusform>%n license as the table shows it now: the search and the filter apply.</numerusform>
            <numerusform>%n licenses as the table shows them now: the search and the filter apply.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n license(s) of the table.</source>
        <translation>
            <numerusform>The table&apos;s one license.</numerusform>
            <numerusform>All %n licenses of the table.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LicenseExport</name>
    <message numerus="yes">
        <source>%n license(s) exported to %1</source>
        <translation>
            <numerusform>%n license exported to %1</numerusform>
            <numerusform>%n licenses exported to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LicensePanel</name>
    <message numerus="yes">
        <source>Within %n days</source>
        <translation>
            <numerusform>Within %n day</numerusform>
            <numerusform>Within %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Expiring in %n days</source>
        <translation>
            <numerusform>Expiring in %n day</numerusform>
            <numerusform>Expiring in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Licenses whose support ends within %n days (marked in the table); the arrow chooses 30, 60 or 90 days</source>
        <translation>
            <numerusform>Licenses whose support ends within %n day (marked in the table); the arrow chooses 30, 60 or 90 days</numerusform>
            <numerusform>Licenses whose support ends within %n days (marked in the table); the arrow chooses 30, 60 or 90 days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LicenseTableModel</name>
    <message numerus="yes">
        <source>Ends in %n day(s)</source>
        <translation>
            <numerusform>Ends in %n day</numerusform>
            <numerusform>Ends in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PageCheckDialog</name>
    <message numerus="yes">
        <source>%n license(s) read.</source>
        <translation>
            <numerusform>%n license read.</numerusform>
            <numerusform>%n licenses read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message numerus="yes">
        <source>on %n license(s)</source>
        <translation>
            <numerusform>on %n license</numerusform>
            <numerusform>on %n licenses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>primary on %n — make someone else primary first there</source>
        <translation>
            <numerusform>primary on %n — make someone else primary first there</numerusform>
            <numerusform>primary on %n — make someone else primary first there</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) ticked.</source>
        <translation>
            <numerusform>%n person ticked.</numerusform>
            <numerusform>%n people ticked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemovalConfirmDialog</name>
    <message numerus="yes">
        <source>%1 will no longer see %n license(s):</source>
        <translation>
            <numerusform>%1 will no longer see %n license:</numerusform>
            <numerusform>%1 will no longer see %n licenses:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemovalPlanPage</name>
    <message numerus="yes">
        <source>%1 of %n license(s) ticked: someone is removed from each.</source>
        <translation>
            <numerusform>%1 of %n license ticked: someone is removed from each.</numerusform>
            <numerusform>%1 of %n licenses ticked: someone is removed from each.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemovalRunPage</name>
    <message numerus="yes">
        <source>Removal finished with %n failure(s). Retry them, or go on to the summary.</source>
        <translation>
            <numerusform>Removal finished with %n failure. Retry them, or go on to the summary.</numerusform>
            <numerusform>Removal finished with %n failures. Retry them, or go on to the summary.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemovalSummaryPage</name>
    <message numerus="yes">
        <source>Contacts were removed on %n license(s): the people below no longer see them in My Atlassian.</source>
        <translation>
            <numerusform>Contacts were removed on %n license: the people below no longer see them in My Atlassian.</numerusform>
            <numerusform>Contacts were removed on %n licenses: the people below no longer see them in My Atlassian.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: removed from %n license(s)</source>
        <translation>
            <numerusform>%1: removed from %n license</numerusform>
            <numerusform>%1: removed from %n licenses</numerusform>
        </translation>
    </message>
</context>
</TS>
