<#
.SYNOPSIS
Builds FieldLog's Windows installer: the standalone app (packaging\build.py), its self-test, then
the per-user installer (Inno Setup, FieldLog.iss), signed when a certificate is configured.

.DESCRIPTION
Run from anywhere, in the virtual environment that has FieldLog and its build tools
(pip install -e ".[build]"):

    powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1

The version is read from fieldlog\__init__.py. The installer is dist\FieldLog-<version>-setup.exe.

Signing (optional; nothing is signed when neither certificate variable is set):
  FIELDLOG_SIGN_CERT_SHA1      thumbprint of a code-signing certificate in the user's store or on
                               a hardware token (preferred: the key never leaves the token)
  FIELDLOG_SIGN_PFX            or a .pfx file ...
  FIELDLOG_SIGN_PFX_PASSWORD   ... and its password
  FIELDLOG_SIGN_TIMESTAMP_URL  RFC 3161 time-stamp server (default: http://timestamp.digicert.com)
  FIELDLOG_SIGNTOOL            signtool.exe to use (default: signtool.exe on PATH)
FieldLog.exe is signed before it is packed, then the uninstaller (by ISCC) and the installer.

This file is ASCII on purpose: Windows PowerShell 5.1 reads a file without a BOM as ANSI.
#>
[CmdletBinding()]
param(
    [string]$Python = "python",
    [string]$Iscc = $env:FIELDLOG_ISCC
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
$App = Join-Path $Root "dist\FieldLog\FieldLog.exe"

function Invoke-Checked([string]$What, [scriptblock]$Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

function Get-Version {
    # The one place the version is written: __version__ = "x.y.z" in fieldlog\__init__.py.
    $init = Join-Path $Root "fieldlog\__init__.py"
    $line = Select-String -Path $init -Pattern '^__version__\s*=\s*"([^"]+)"' | Select-Object -First 1
    if (-not $line) { throw "no __version__ line in $init" }
    return $line.Matches[0].Groups[1].Value
}

function Find-Iscc {
    if ($Iscc) { return $Iscc }
    $onPath = Get-Command "ISCC.exe" -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    # Installed for all users, or for this user only.
    $userPrograms = if ($env:LOCALAPPDATA) { Join-Path $env:LOCALAPPDATA "Programs" } else { $null }
    foreach ($base in @(${env:ProgramFiles(x86)}, $env:ProgramFiles, $userPrograms)) {
        if (-not $base) { continue }
        $candidate = Join-Path $base "Inno Setup 6\ISCC.exe"
        if (Test-Path $candidate) { return $candidate }
    }
    throw "ISCC.exe (Inno Setup 6) not found: install it, or set FIELDLOG_ISCC or -Iscc"
}

function Get-CertificateArgs {
    if ($env:FIELDLOG_SIGN_CERT_SHA1) { return @("/sha1", $env:FIELDLOG_SIGN_CERT_SHA1) }
    if ($env:FIELDLOG_SIGN_PFX) {
        $pfx = @("/f", $env:FIELDLOG_SIGN_PFX)
        if ($env:FIELDLOG_SIGN_PFX_PASSWORD) { $pfx += @("/p", $env:FIELDLOG_SIGN_PFX_PASSWORD) }
        return $pfx
    }
    return @()
}

$Certificate = @(Get-CertificateArgs)
$Signing = $Certificate.Count -gt 0
$SignTool = if ($env:FIELDLOG_SIGNTOOL) { $env:FIELDLOG_SIGNTOOL } else { "signtool.exe" }
$TimeStamp = if ($env:FIELDLOG_SIGN_TIMESTAMP_URL) { $env:FIELDLOG_SIGN_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
$SignOptions = @("sign", "/fd", "sha256", "/tr", $TimeStamp, "/td", "sha256") + $Certificate

function Protect-File([string]$Path) {
    Invoke-Checked "signing $Path" { & $SignTool @SignOptions $Path }
    Invoke-Checked "verifying the signature of $Path" { & $SignTool verify /pa $Path }
}

Push-Location $Root
try {
    $version = Get-Version
    Write-Host "FieldLog $version"

    Invoke-Checked "packaging\build.py" { & $Python (Join-Path "packaging" "build.py") }
    if (-not (Test-Path $App)) { throw "the build made no $App" }

    # A windowed app: wait for it and judge it by its exit code.
    $selfTest = Start-Process -FilePath $App -ArgumentList "--self-test" -Wait -PassThru -NoNewWindow
    if ($selfTest.ExitCode -ne 0) { throw "FieldLog.exe --self-test failed (exit code $($selfTest.ExitCode))" }

    $isccArgs = @("/DAppVersion=$version")
    $numeric = [regex]::Match($version, '^\d+(\.\d+){0,3}').Value
    if ($numeric) { $isccArgs += "/DAppVersionNumeric=$numeric" }
    if ($Signing) {
        Protect-File $App
        # ISCC signs the uninstaller with this command: $q is a quote, $f the file (quoted).
        $quoted = ($SignOptions | ForEach-Object { '$q' + $_ + '$q' }) -join " "
        $isccArgs += "/DSignWith=fieldlog"
        $isccArgs += "/Sfieldlog=" + '$q' + $SignTool + '$q ' + $quoted + ' $f'
    } else {
        Write-Warning "no certificate configured: the installer is unsigned (SmartScreen will warn)"
    }
    $isccArgs += (Join-Path $PSScriptRoot "FieldLog.iss")

    $compiler = Find-Iscc
    Invoke-Checked "ISCC" { & $compiler @isccArgs }

    $setup = Join-Path $Root "dist\FieldLog-$version-setup.exe"
    if ($Signing) { Protect-File $setup }
    Write-Host "Installer: $setup"
} finally {
    Pop-Location
}
