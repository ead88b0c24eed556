#!/bin/bash
# Keyward's launcher on Linux, put in place of jpackage's native one (bin/Keyward) by installer/build.xml.
# jpackage's Linux launcher asks `rpm -qf` and then `dpkg -S` which package owns it, on every start and
# before the JVM starts (JDK's src/jdk.jpackage/linux/native/applauncher/LinuxPackage.c): 0.2-0.4 s of a
# start that is otherwise about 0.6 s. This does what that launcher does with the image's
# lib/app/Keyward.cfg (class path, main class, JVM options; $APPDIR, $BINDIR and $ROOTDIR expanded) and
# starts the bundled runtime, passing the arguments on unchanged.
self=$(readlink -f -- "${BASH_SOURCE[0]}") || exit 1
bindir=${self%/*}
rootdir=${bindir%/*}
appdir=$rootdir/lib/app
cfg=$appdir/Keyward.cfg
if [[ ! -r $cfg ]]; then
  echo "Keyward: cannot read $cfg; the installation is incomplete" >&2
  exit 1
fi
# Sets $value to $1 with the image's directories put in (no subshell: a start forks nothing more).
expand() {
  value=${1//\$APPDIR/$appdir}
  value=${value//\$BINDIR/$bindir}
  value=${value//\$ROOTDIR/$rootdir}
}
classpath=
mainclass=
options=()
while IFS= read -r line || [[ -n $line ]]; do
  case $line in
    app.classpath=*) expand "${line#app.classpath=}"; classpath=${classpath:+$classpath:}$value ;;
    app.mainclass=*) mainclass=${line#app.mainclass=} ;;
    java-options=*) expand "${line#java-options=}"; options+=("$value") ;;
  esac
done <"$cfg"
if [[ -z $mainclass ]]; then
  echo "Keyward: $cfg names no main class; the installation is incomplete" >&2
  exit 1
fi
exec "$rootdir/lib/runtime/bin/java" "${options[@]}" "-Djpackage.app-path=$self" -cp "$classpath" "$mainclass" "$@"
