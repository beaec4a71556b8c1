; The Windows installer (Inno Setup 6): a per-user install (no administrator needed) into
; %LOCALAPPDATA%\Programs, a Start-menu shortcut, an uninstaller (Settings > Apps), LZMA2
; compression. build/windows_installer.py compiles it with ISCC and passes the #defines below
; from pyproject.toml (through build/bundle_config.py), so the names and version have one source.

#ifndef AppVersion
  #error Compile with: python build/windows_installer.py (it passes the names and the version)
#endif

[Setup]
; The same AppId in every release: an upgrade replaces the installed version.
AppId={{3F6C2B8E-9A41-4D2B-8E57-6C1A0F93B2D4}
AppName={#AppProduct}
AppVersion={#AppVersion}
AppVerName={#AppProduct} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersionQuad}
VersionInfoProductName={#AppProduct}
; Per user: {autopf} is %LOCALAPPDATA%\Programs and {autoprograms} the user's Start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2/ultra64
SolidCompression=yes
LZMAUseSeparateProcess=yes
OutputDir={#OutputDir}
OutputBaseFilename={#OutputName}
SetupIconFile={#IconFile}
Uninstallable=yes
UninstallDisplayName={#AppProduct}
UninstallDisplayIcon={app}\{#AppName}.exe
CloseApplications=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade starts from a clean folder: files a newer build no longer ships do not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppProduct}"; Filename: "{app}\{#AppName}.exe"
Name: "{autodesktop}\{#AppProduct}"; Filename: "{app}\{#AppName}.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppName}.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
