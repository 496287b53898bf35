#!/usr/bin/env bash
#! Submits two demo pre-filled applications to a running local server and prints their codes.
# Usage: tools/seed-applications.sh BASE_URL. The documents are tiny generated JPEG files.
set -euo pipefail
base="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# A minimal JPEG: SOI, an APP0 marker's bytes, padding, EOI.
jpeg() { { printf '\xff\xd8\xff\xe0'; head -c "$2" /dev/zero; printf '\xff\xd9'; } > "$tmp/$1.jpg"; }
jpeg cover 20000; jpeg photo 15000; jpeg kk 25000
submit() {
  local key="$1" json="$2"
  curl -sf -X POST "$base/api/applications" -H "Idempotency-Key: $key" \
    -F "application=$json" \
    -F "cover_letter=@$tmp/cover.jpg;type=image/jpeg" \
    -F "photo_3x4=@$tmp/photo.jpg;type=image/jpeg" \
    -F "kk_copy=@$tmp/kk.jpg;type=image/jpeg" | sed -E 's/.*"registration_code":"([^"]+)".*/\1/'
}
addr='"province":"33","regency":"33.15","district":"33.15.13","village":"33.15.13.2001","street":"JL. MELATI 5","rt":"002","rw":"004","postal_code":"58111"'
siti='{"application_type":"baru","full_name":"SITI AMINAH","kk_number":"3315131503100002","nik":"3315135211870003","birth_place":"GROBOGAN","birth_date":"1987-11-12","sex":"perempuan","blood_type":"o","religion":"islam","marital_status":"kawin_tercatat","occupation":"9","citizenship":"wni","address":{'"$addr"'}}'
budi='{"application_type":"baru","full_name":"BUDI SANTOSO","kk_number":"3315131503100002","nik":"3315131003900001","birth_place":"GROBOGAN","birth_date":"1990-03-10","sex":"laki_laki","blood_type":"a","religion":"islam","marital_status":"belum_kawin","occupation":"88","citizenship":"wni","address":{'"$addr"'}}'
echo "SITI AMINAH  $(submit demo-siti-aminah-0001 "$siti")  (Purwodadi)"
echo "BUDI SANTOSO $(submit demo-budi-santoso-001 "$budi")  (Purwodadi)"
