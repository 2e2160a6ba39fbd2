// The publishing calendar's drag and drop: dropping a planned post on a day posts the same move as the
// "Pindahkan" form beside it, with that day (the server picks the channel's first free time on it).
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("warta-calendar-drop");
  if (!form) return;
  let moving = null;
  document.querySelectorAll(".warta-calendar__entry[draggable=true]").forEach((entry) => {
    entry.addEventListener("dragstart", (event) => {
      moving = entry.dataset.moveUrl;
      event.dataTransfer.setData("text/plain", moving);
      event.dataTransfer.effectAllowed = "move";
    });
  });
  document.querySelectorAll(".warta-calendar__day").forEach((day) => {
    day.addEventListener("dragover", (event) => {
      if (moving) { event.preventDefault(); day.classList.add("warta-calendar__day--target"); }
    });
    day.addEventListener("dragleave", () => day.classList.remove("warta-calendar__day--target"));
    day.addEventListener("drop", (event) => {
      event.preventDefault();
      const url = event.dataTransfer.getData("text/plain") || moving;
      if (!url) return;
      form.action = url;
      form.elements.tanggal.value = day.dataset.date;
      form.submit();
    });
  });
});
