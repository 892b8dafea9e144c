; FieldLog (驻点招商走访日志): a per-user installer, Inno Setup 6.3 or newer.
;
; Build it with packaging\windows\build.ps1, which builds dist\FieldLog with PyInstaller first and
; passes the version:  ISCC /DAppVersion=0.1.0 packaging\windows\FieldLog.iss
; The result is dist\FieldLog-<version>-setup.exe. docs\INSTALL.md says how to build and sign it.
;
; What it promises (tests\packaging\test_windows_installer.py reads this file and checks them):
; - no administrator rights: PrivilegesRequired=lowest, and nothing outside the user's profile;
; - the program in %LOCALAPPDATA%\Programs\FieldLog, a Start-menu entry, an optional desktop icon;
; - .fieldsync files open in FieldLog (registry keys under HKCU\Software\Classes only);
; - uninstalling removes the program and the association and KEEPS the user's data.
;
; This file is UTF-8 with a byte-order mark, so every Windows tool reads its Chinese names as
; UTF-8 (without one, Inno Setup before 6.3 and many editors take it for ANSI).

#ifndef AppVersion
#error Pass the version: ISCC /DAppVersion=x.y.z FieldLog.iss (build.ps1 does)
#endif
#ifndef DistDir
  ; What packaging\build.py builds (packaging\fieldlog.spec): the one-folder app.
#define DistDir AddBackslash(SourcePath) + "..\..\dist\FieldLog"
#endif
#define AppName "FieldLog"
#define AppNameZh "驻点招商走访日志"
#define ShortcutName AppNameZh + " " + AppName
#define AppExeName "FieldLog.exe"
#define ProgId "FieldLog.SyncPackage"
#define PackageExt ".fieldsync"

#if !FileExists(AddBackslash(DistDir) + AppExeName)
#error dist\FieldLog\FieldLog.exe is missing: run "python packaging\build.py" first
#endif

[Setup]
; The AppId never changes: it is how a newer installer finds and upgrades this one.
AppId={{A4C2DE41-414D-48EE-898A-E6A65D0C27DB}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#ShortcutName} {#AppVersion}
AppPublisher={#AppName}
#ifdef AppVersionNumeric
VersionInfoVersion={#AppVersionNumeric}
#endif
; Per user: no UAC prompt, and no way to ask for one (no PrivilegesRequiredOverridesAllowed).
PrivilegesRequired=lowest
; %LOCALAPPDATA%\Programs\FieldLog. The user's data lives elsewhere: %LOCALAPPDATA%\FieldLog
; (platformdirs' user_data_dir("FieldLog", appauthor=False), fieldlog\store\location.py).
DefaultDirName={localappdata}\Programs\{#AppName}
; A cadre has nothing to choose; a fixed folder also keeps the program out of the data folder.
DisableDirPage=yes
DisableProgramGroupPage=yes
; Qt 6 runs on 64-bit Windows 10 and later only.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
UninstallDisplayName={#ShortcutName}
UninstallDisplayIcon={app}\{#AppExeName}
SetupIconFile={#AddBackslash(SourcePath) + "..\..\resources\icons\fieldlog.ico"}
OutputDir={#AddBackslash(SourcePath) + "..\..\dist"}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
WizardStyle=modern
ShowLanguageDialog=auto
Compression=lzma2
SolidCompression=yes
#ifdef SignWith
; build.ps1 defines SignWith and passes the command with /Sfieldlog=...: the uninstaller is
; signed too (the setup itself is signed by build.ps1 afterwards).
SignTool={#SignWith}
SignedUninstaller=yes
#endif

[Languages]
; English is Inno Setup's own Default.isl. Its Chinese (Simplified) messages are a translation
; that not every Inno Setup release ships: a ChineseSimplified.isl beside this script wins, then
; one in the compiler's Languages folder; without either the installer is English only (the app
; itself is Chinese either way). docs\INSTALL.md says where to get the file.
Name: "english"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
#define HaveChinese
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
#define HaveChinese
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
#pragma message "ChineseSimplified.isl not found: building an English-only installer"
#endif

[CustomMessages]
english.PackageType=FieldLog sync package
#ifdef HaveChinese
chinesesimplified.PackageType=FieldLog 同步包
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundled libraries as a whole: a Qt plugin left over from an older
; version would still be loaded. Only inside {app}; never the data folder.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#ShortcutName}"; Filename: "{app}\{#AppExeName}"; Comment: "{#ShortcutName}"
Name: "{userdesktop}\{#ShortcutName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Registry]
; .fieldsync opens in FieldLog: per user, under HKCU\Software\Classes (no administrator rights).
; Windows starts FieldLog.exe "C:\...\x.fieldsync": the app joins the team with it on a fresh
; install and receives it as a sync otherwise. Uninstalling deletes these keys again.
Root: HKCU; Subkey: "Software\Classes\{#PackageExt}"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\{#PackageExt}\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:PackageType}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExeName},0"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""; Flags: uninsdeletekey
; FieldLog by name in Windows' "Open with" list.
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExeName}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#ShortcutName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: "{#PackageExt}"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#ShortcutName}}"; Flags: nowait postinstall skipifsilent

; There is deliberately NO [UninstallDelete] section. The uninstaller removes only what it
; installed ({app}) and the registry keys above. The user's data stays: %LOCALAPPDATA%\FieldLog
; (the database fieldlog.db, its -backups folder, drafts, the installation id) and the window's
; settings (HKCU\Software\FieldLog). A reinstall or an upgrade finds them again. Never add an
; entry that reaches outside {app}.
