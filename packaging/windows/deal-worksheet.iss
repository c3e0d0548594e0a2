; Inno Setup 6.3+ script for Deal Worksheet on Windows (x64compatible needs 6.3).
; First freeze the app on Windows (python packaging\build.py), then compile this script:
;   iscc packaging\windows\deal-worksheet.iss
; The setup program lands in dist\deal-worksheet-<version>-setup.exe. Keep AppVersion equal to
; worksheet.__version__ (tests/test_packaging.py checks), or override it with numbers only:
;   iscc /DAppVersion=0.1.1 packaging\windows\deal-worksheet.iss

#define AppName "Deal Worksheet"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppPublisher "Deal Worksheet developers"
#define AppURL "https://github.com/dealworksheet/deal-worksheet"
#define ExeName "deal-worksheet.exe"
; The ProgID names our document class in the registry; ".deal" points to it.
#define ProgId "DealWorksheet.Document"

[Setup]
; AppId ties upgrades and the uninstaller together: never change it between releases.
AppId=io.github.dealworksheet.DealWorksheet
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL={#AppURL}
AppSupportURL={#AppURL}/issues
VersionInfoVersion={#AppVersion}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} setup
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs for the current user without asking for administrator rights; the setup offers
; an all-users install to those who have them.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=deal-worksheet-{#AppVersion}-setup
SetupIconFile=packaging\windows\deal-worksheet.ico
UninstallDisplayIcon={app}\{#ExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle made by packaging\build.py.
Source: "dist\deal-worksheet\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#ExeName}"; Comment: "Prepare a negotiation"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#ExeName}"; Tasks: desktopicon

[Registry]
; .deal files open in Deal Worksheet. HKA is the current user's classes for a per-user
; install and the machine's for an all-users one. The uninstaller removes what it added
; (uninsdeletevalue / uninsdeletekey) and leaves other programs' associations alone.
Root: HKA; Subkey: "Software\Classes\.deal"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-deal-worksheet"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.deal\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Deal Worksheet document"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#ExeName},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#ExeName}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#ExeName}\SupportedTypes"; ValueType: string; ValueName: ".deal"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#ExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes the program folder, the Start-menu entry and the association.
; The user's .deal files, settings and autosaves (in %LOCALAPPDATA%\deal-worksheet) stay.
