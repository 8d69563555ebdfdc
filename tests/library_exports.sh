#!/bin/sh
# Every name the library exports carries the stance_ prefix (all else is
# static), so that linking libstance never clashes with a program's names.
# usage: library_exports.sh LIBSTANCE.a
set -u
lib=$1
bad=$(nm -g --defined-only "$lib" | awk 'NF == 3 && $2 ~ /[TDBRC]/ { print $3 }' |
      grep -v '^stance_' | grep -v '^__' | sort -u)
total=$(nm -g --defined-only "$lib" | awk 'NF == 3 && $2 ~ /[TDBRC]/' | grep -c .)
[ "$total" -gt 100 ] || { echo "FAIL: only $total exported names: is $lib the library?"; exit 1; }
if [ -n "$bad" ]; then
    echo "FAIL: exported without the stance_ prefix:"
    echo "$bad"
    exit 1
fi
echo "$total exported names, all stance_"
