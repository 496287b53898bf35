#!/usr/bin/env bash
#! Submits two demo pre-filled applications to a running local server and prints their codes.
# Usage: tools/seed-applications.sh BASE_URL. The documents are JPEG pictures drawn by code
# (tests/src/bin/demo-images.rs): a face for the 3x4 photo, typed pages for the letter and KK.
set -euo pipefail
base="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cargo run --quiet --release -p tests --bin demo-images -- "$tmp"
submit() {
  local key="$1" who="$2" json="$3"
  curl -sf -X POST "$base/api/applications" -H "Idempotency-Key: $key" \
    -F "application=$json" \
    -F "cover_letter=@$tmp/$who-cover.jpg;type=image/jpeg" \
    -F "photo_3x4=@$tmp/$who-photo.jpg;type=image/jpeg" \
    -F "kk_copy=@$tmp/$who-kk.jpg;type=image/jpeg" | sed -E 's/.*"registration_code":"([^"]+)".*/\1/'
}
addr='"province":"33","regency":"33.15","district":"33.15.13","village":"33.15.13.2001","street":"JL. MELATI 5","rt":"002","rw":"004","postal_code":"58111"'
siti='{"application_type":"baru","full_name":"SITI AMINAH","kk_number":"3315131503100002","nik":"3315135211870003","birth_place":"GROBOGAN","birth_date":"1987-11-12","sex":"perempuan","blood_type":"o","religion":"islam","marital_status":"kawin_tercatat","occupation":"9","citizenship":"wni","address":{'"$addr"'}}'
budi='{"application_type":"baru","full_name":"BUDI SANTOSO","kk_number":"3315131503100002","nik":"3315131003900001","birth_place":"GROBOGAN","birth_date":"1990-03-10","sex":"laki_laki","blood_type":"a","religion":"islam","marital_status":"belum_kawin","occupation":"88","citizenship":"wni","address":{'"$addr"'}}'
echo "SITI AMINAH  $(submit demo-siti-aminah-0001 siti "$siti")  (Purwodadi)"
echo "BUDI SANTOSO $(submit demo-budi-santoso-001 budi "$budi")  (Purwodadi)"
