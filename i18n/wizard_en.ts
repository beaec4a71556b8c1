<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ConfirmDialog</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsolidationWizard</name>
    <message numerus="yes">
        <source>Done: the target is now primary on %n license(s)</source>
        <translation>
            <numerusform>Done: the target is now primary on %n license</numerusform>
            <numerusform>Done: the target is now primary on %n licenses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Already done: %n license(s)</source>
        <translation>
            <numerusform>Already done: %n license</numerusform>
            <numerusform>Already done: %n licenses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Needs the target to sign in: %n license(s)</source>
        <translation>
            <numerusform>Needs the target to sign in: %n license</numerusform>
            <numerusform>Needs the target to sign in: %n licenses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not possible (evaluation): %n license(s)</source>
        <translation>
            <numerusform>Not possible (evaluation): %n license</numerusform>
            <numerusform>Not possible (evaluation): %n licenses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No signed-in account can change: %n license(s)</source>
        <translation>
            <numerusform>No signed-in account can change: %n license</numerusform>
            <numerusform>No signed-in account can change: %n licenses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed: %n license(s)</source>
        <translation>
            <numerusform>Failed: %n license</numerusform>
            <numerusform>Failed: %n licenses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not run (cancelled): %n license(s)</source>
        <translation>
            <numerusform>Not run (cancelled): %n license</numerusform>
            <numerusform>Not run (cancelled): %n licenses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out by you: %n license(s)</source>
        <translation>
            <numerusform>Left out by you: %n license</numerusform>
            <numerusform>Left out by you: %n licenses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LicensesPage</name>
    <message numerus="yes">
        <source>%1 of %n license(s) ticked to change.</source>
        <translation>
            <numerusform>%1 of %n license ticked to change.</numerusform>
            <numerusform>%1 of %n licenses ticked to change.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message numerus="yes">
        <source>%1 of %n license(s) finished.</source>
        <translation>
            <numerusform>%1 of %n license finished.</numerusform>
            <numerusform>%1 of %n licenses finished.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished with %n failure(s). Retry them, or go on to the summary.</source>
        <translation>
            <numerusform>Finished with %n failure. Retry it, or go on to the summary.</numerusform>
            <numerusform>Finished with %n failures. Retry them, or go on to the summary.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; is now the primary technical contact on %n more license(s).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; is now the primary technical contact on %n more license.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; is now the primary technical contact on %n more licenses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It is now also the primary billing contact on %n license(s): renewal quotes and invoices go to it.</source>
        <translation>
            <numerusform>It is now also the primary billing contact on %n license: renewal quotes and invoices go to it.</numerusform>
            <numerusform>It is now also the primary billing contact on %n licenses: renewal quotes and invoices go to it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message numerus="yes">
        <source>primary on %n license(s)</source>
        <translation>
            <numerusform>primary on %n license</numerusform>
            <numerusform>primary on %n licenses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WizardLauncher</name>
    <message numerus="yes">
        <source>Removing %1 from the contacts of the licenses did not finish: %n license(s) left.</source>
        <translation>
            <numerusform>Removing %1 from the contacts of the licenses did not finish: %n license left.</numerusform>
            <numerusform>Removing %1 from the contacts of the licenses did not finish: %n licenses left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A consolidation into %1 did not finish: %n license(s) left.</source>
        <translation>
            <numerusform>A consolidation into %1 did not finish: %n license left.</numerusform>
            <numerusform>A consolidation into %1 did not finish: %n licenses left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) in the journal cannot be read, so they are not offered for resuming. They are kept as they are.</source>
        <translation>
            <numerusform>%n run in the journal cannot be read, so it is not offered for resuming. It is kept as it is.</numerusform>
            <numerusform>%n runs in the journal cannot be read, so they are not offered for resuming. They are kept as they are.</numerusform>
        </translation>
    </message>
</context>
</TS>
