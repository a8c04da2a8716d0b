; TechBroker installer for Windows, built by .ci/dist-windows with Debian's makensis:
;   makensis -INPUTCHARSET UTF8 -DVERSION=x.y.z -DEXE=path\techbroker.exe -DOUTFILE=Setup.exe techbroker.nsi
; Per-user: installs under %LOCALAPPDATA%\Programs, writes only HKCU, needs no administrator.
; The broker's database lives in %APPDATA%\TechBroker (the app's data folder), never in the
; install folder, so uninstalling leaves it where it is.

Unicode true
; The 64-bit stub: the app is 64-bit, and the x86 stubs would need 32-bit Wine in the smoke test.
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef EXE
  !error "pass -DEXE=path/to/techbroker.exe"
!endif
!ifndef OUTFILE
  !define OUTFILE "TechBroker-Setup-${VERSION}.exe"
!endif

!define APP "TechBroker"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} Setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

!include "MUI2.nsh"

!define MUI_ICON "../icon/techbroker.ico"
!define MUI_UNICON "../icon/techbroker.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
; Remember the language picked at install time for the uninstaller.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "Software\${APP}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\techbroker.exe"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(DataKept)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default when Windows' own language is neither.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString DataKept ${LANG_SIMPCHINESE} "您的数据库保存在 %APPDATA%\${APP} 中，卸载不会删除它；重新安装后数据仍在。"
LangString DataKept ${LANG_ENGLISH} "Your database is kept in %APPDATA%\${APP}: uninstalling does not delete it, and a new install finds it again."
LangString ShortcutName ${LANG_SIMPCHINESE} "${APP} 技术经理人工作台"
LangString ShortcutName ${LANG_ENGLISH} "${APP}"

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "TechBroker" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "/oname=techbroker.exe" "${EXE}"
  SetOutPath "$INSTDIR\licenses"
  File "/oname=OFL-NotoSansSC.txt" "../fonts/OFL.txt"
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\techbroker.exe" "" "$INSTDIR\techbroker.exe" 0
  ; The shortcut's name depends on the language; the uninstaller needs to know which one it made.
  WriteRegStr HKCU "Software\${APP}" "Shortcut" "$SMPROGRAMS\$(ShortcutName).lnk"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP} $(ShortcutName)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\techbroker.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ReadRegStr $0 HKCU "Software\${APP}" "Shortcut"
  StrCmp $0 "" +2
  Delete "$0"
  ; Only what the installer put there: the folder may hold files the user added, and the
  ; database is elsewhere (%APPDATA%\TechBroker) and stays.
  Delete "$INSTDIR\techbroker.exe"
  Delete "$INSTDIR\licenses\OFL-NotoSansSC.txt"
  RMDir "$INSTDIR\licenses"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP}"
SectionEnd
