/**
 * Fake identities for the demo export. Every personal cell is visibly fake, so that a demo file can never be taken
 * for, or mixed with, a real register: names carry the marker "(Contoh)" ("example"), NIKs start with 99 (no
 * province has code 99, so such a NIK cannot be issued), addresses are "Jl. Contoh".
 */

/** Marker appended to every child's and parent's name. */
export const FAKE_NAME_MARKER = '(Contoh)';

/** Prefix of every fake NIK: 99 is not a province code, so no real NIK starts with it. */
export const FAKE_NIK_PREFIX = '99';

/** Pattern every fake NIK matches (16 digits starting with 99). */
export const FAKE_NIK_PATTERN = /^99\d{14}$/;

// Common Indonesian given names; combined with a second name they give enough distinct children per desa.
const BOYS = [
  'Adi', 'Agus', 'Ahmad', 'Aldi', 'Arif', 'Bagus', 'Bima', 'Budi', 'Dimas', 'Dwi', 'Eko', 'Fajar', 'Farhan',
  'Galih', 'Hafiz', 'Hendra', 'Ilham', 'Joko', 'Kevin', 'Muhammad', 'Naufal', 'Putra', 'Rafi', 'Raka', 'Rizky',
  'Satria', 'Teguh', 'Wahyu', 'Yusuf', 'Zaki',
];
const GIRLS = [
  'Aisyah', 'Alya', 'Anisa', 'Ayu', 'Bunga', 'Citra', 'Dewi', 'Dinda', 'Fitri', 'Intan', 'Kayla', 'Laras', 'Lestari',
  'Mawar', 'Nabila', 'Nadia', 'Nur', 'Putri', 'Rahma', 'Ratna', 'Salsabila', 'Sari', 'Siti', 'Tiara', 'Wulan',
  'Yuni', 'Zahra', 'Indah', 'Kirana', 'Melati',
];
const SECOND = [
  'Pratama', 'Saputra', 'Wijaya', 'Hidayat', 'Kurniawan', 'Santoso', 'Setiawan', 'Nugroho', 'Ramadhan', 'Maulana',
  'Permata', 'Anggraini', 'Wulandari', 'Rahayu', 'Safitri', 'Lestari', 'Puspita', 'Utami', 'Hakim', 'Firmansyah',
];
const MOTHERS = [
  'Sri', 'Siti', 'Nur', 'Dewi', 'Endang', 'Yuli', 'Rina', 'Ani', 'Eka', 'Lina', 'Umi', 'Tri', 'Wati', 'Nanik', 'Sumiati',
  'Suliha', 'Fatimah', 'Khotimah', 'Aminah', 'Ratih',
];
/** Posyandu are commonly named after flowers, numbered within the desa. */
export const POSYANDU_NAMES = [
  'Melati', 'Mawar', 'Anggrek', 'Kenanga', 'Dahlia', 'Cempaka', 'Flamboyan', 'Teratai', 'Seruni', 'Kamboja',
  'Asoka', 'Bougenville', 'Nusa Indah', 'Sakura', 'Tulip', 'Lily',
];

/** A fake child's name from two indices (deterministic): "Rizky Pratama (Contoh)". */
export function fakeChildName(sex: 1 | 2, i: number, j: number): string {
  const given = sex === 1 ? BOYS : GIRLS;
  return `${given[i % given.length]} ${SECOND[j % SECOND.length]} ${FAKE_NAME_MARKER}`;
}

/** A fake mother's name: "Sri Rahayu (Contoh)". */
export function fakeParentName(i: number, j: number): string {
  return `${MOTHERS[i % MOTHERS.length]} ${SECOND[j % SECOND.length]} ${FAKE_NAME_MARKER}`;
}

/** A fake address: "Jl. Contoh No. 12 RT 003/RW 002". */
export function fakeAddress(no: number, rt: number, rw: number): string {
  return `Jl. Contoh No. ${no} RT ${String(rt).padStart(3, '0')}/RW ${String(rw).padStart(3, '0')}`;
}

/**
 * A fake NIK shaped like a real one (area 6 digits, birth date DDMMYY with 40 added to the day for girls, 4-digit
 * serial) but with the province digits replaced by 99: `99` + kab (2) + kec (2) + DDMMYY + serial.
 */
export function fakeNik(kab2: string, kec2: string, day: number, month: number, year: number, sex: 1 | 2, serial: number): string {
  const dd = String(sex === 2 ? day + 40 : day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  const yy = String(year % 100).padStart(2, '0');
  return `${FAKE_NIK_PREFIX}${kab2}${kec2}${dd}${mm}${yy}${String(serial % 10000).padStart(4, '0')}`;
}
