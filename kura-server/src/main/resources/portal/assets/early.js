// Kura portal: marks the page as scripted before it is first painted, so that what JavaScript hides or shows
// (the sort button, the map toggle) is laid out once, without shifting the results (kura.js runs after parsing).
document.documentElement.classList.add('js');
