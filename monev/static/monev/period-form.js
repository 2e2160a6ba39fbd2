// Monev report: show the fields that the chosen kind of period needs (year and number, or two dates).
(function () {
  const kind = document.querySelector('[data-monev-field="jenis"] select');
  if (!kind) return;
  const fields = (names) => names.map((name) => document.querySelector(`[data-monev-field="${name}"]`)).filter(Boolean);
  const update = () => {
    const custom = kind.value === 'kustom';
    fields(['tahun', 'ke']).forEach((el) => el.toggleAttribute('data-monev-hidden', custom));
    fields(['dari', 'sampai']).forEach((el) => el.toggleAttribute('data-monev-hidden', !custom));
    const number = document.querySelector('[data-monev-field="ke"]');
    if (number) number.toggleAttribute('data-monev-hidden', custom || kind.value === 'tahun');
  };
  kind.addEventListener('change', update);
  update();
})();
