#!/usr/bin/env bash
# Set up a PostgreSQL database for FieldLog on a Debian or Ubuntu server (the distribution's
# `postgresql` package; no docker). Run as root. Tried with PostgreSQL 15 on Debian 12.
#
#   sudo packaging/server/setup_postgres.sh [--role fieldlog] [--database fieldlog]
#        [--listen ADDR [--allow CIDR] [--no-restart]] [--show-password]
#
# Creates (or, when it exists, sets the password of) a login role, and a database that role
# owns, in UTF-8 with the C collation (names then sort as on a laptop's SQLite file). The password
# is asked twice on a terminal, or read from the first line of standard input; it is passed to
# the server on standard input, never on a command line. With --listen ADDR the server also
# listens on ADDR (an address of this machine on the office network) and a pg_hba.conf line lets
# the role reach the database from CIDR (default: samenet, the networks this machine is on),
# with a password (scram-sha-256); the server restarts to listen (--no-restart: you do it).
# Without --listen nothing about the network changes: the database is reachable from this
# machine only. Prints the --db URL to give FieldLog; the password is printed only with
# --show-password. Running it again is safe: what exists is kept.
set -euo pipefail

role=fieldlog
database=fieldlog
listen=""
allow=samenet
restart=yes
show_password=no

die() { echo "setup_postgres: $*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --role) role="${2:?--role needs a name}"; shift 2 ;;
        --database) database="${2:?--database needs a name}"; shift 2 ;;
        --listen) listen="${2:?--listen needs an address}"; shift 2 ;;
        --allow) allow="${2:?--allow needs an address range}"; shift 2 ;;
        --no-restart) restart=no; shift ;;
        --show-password) show_password=yes; shift ;;
        -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done

# Names go into SQL and pg_hba.conf unquoted: allow plain identifiers only.
for name in "$role" "$database"; do
    [[ "$name" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] \
        || die "'$name' is not a plain name (lower-case letters, digits, _)"
done
[[ -z "$listen" || "$listen" =~ ^[0-9A-Za-z.:_-]+$ ]] || die "'$listen' is not an address"
[[ "$allow" =~ ^[0-9A-Za-z.:/_-]+$ ]] || die "'$allow' is not an address range"
[[ $EUID -eq 0 ]] || die "run as root (sudo): it acts as the postgres user and edits the server's files"
command -v pg_lsclusters >/dev/null \
    || die "PostgreSQL is not installed: apt install postgresql"

# The first cluster that runs (Debian's postgresql-common: version, name, port, status, ...).
read -r version cluster port _ < <(pg_lsclusters --no-header | awk '$4 ~ /online/ {print $1, $2, $3, $4; exit}') \
    || die "no PostgreSQL cluster is running: start it with pg_ctlcluster VERSION main start"
conf="/etc/postgresql/$version/$cluster"

if [[ -t 0 ]]; then
    read -r -s -p "Password for the role $role: " password; echo >&2
    read -r -s -p "The same password again: " again; echo >&2
    [[ "$password" == "$again" ]] || die "the two passwords differ; nothing was changed"
else
    IFS= read -r password || true
fi
[[ ${#password} -ge 8 ]] || die "the password needs at least 8 characters; nothing was changed"

as_postgres() { (cd / && su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $port $*"); }

# SQL on standard input, so the password never shows in a process list; quotes doubled.
quoted="'${password//\'/\'\'}'"
as_postgres "-d postgres" <<SQL
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', '$role', $quoted)
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', '$role', $quoted) \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' LC_COLLATE ''C'' LC_CTYPE ''C'''
              ' TEMPLATE template0', '$database', '$role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$database') \gexec
SQL
owner=$(as_postgres "-d postgres -tA" <<<"SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '$database'")
[[ "$owner" == "$role" ]] \
    || die "the database $database exists and belongs to $owner, not $role; choose another --database"
# A database owner may create tables in its public schema (PostgreSQL 15 no longer lets others).
as_postgres "-d $database" <<<"ALTER SCHEMA public OWNER TO $role"

host=127.0.0.1
if [[ -n "$listen" ]]; then
    host="$listen"
    current=$(as_postgres "-d postgres -tA" <<<"SHOW listen_addresses")
    if [[ ",$current," != *",$listen,"* && "$current" != "*" ]]; then
        as_postgres "-d postgres" <<<"ALTER SYSTEM SET listen_addresses = '$current,$listen'"
        changed_listen=yes
    fi
    line="host    $database    $role    $allow    scram-sha-256"
    if ! grep -qxF "$line" "$conf/pg_hba.conf"; then
        printf '# FieldLog (%s)\n%s\n' "$(date -I)" "$line" >>"$conf/pg_hba.conf"
    fi
    pg_ctlcluster "$version" "$cluster" reload
    if [[ "${changed_listen:-no}" == yes ]]; then
        if [[ $restart == yes ]]; then
            pg_ctlcluster "$version" "$cluster" restart
        else
            echo "restart the server to listen on $listen: pg_ctlcluster $version $cluster restart" >&2
        fi
    fi
fi

shown="PASSWORD"
if [[ $show_password == yes ]]; then
    # Percent-encode the password for the URL.
    shown=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.stdin.readline().rstrip("\n"), safe=""))' <<<"$password")
fi
port_part=""
[[ "$port" == 5432 ]] || port_part=":$port"
echo "PostgreSQL $version ($cluster): role $role owns database $database." >&2
[[ $show_password == yes ]] || echo "Give FieldLog this URL, PASSWORD replaced by the password:" >&2
echo "postgresql+psycopg://$role:$shown@$host$port_part/$database"
