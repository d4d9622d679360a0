// Sidebar entry point. Text is always set with textContent: user text is never parsed as HTML.
export {};

const statusLine = document.getElementById('status');
if (statusLine) {
  statusLine.textContent = navigator.language.startsWith('zh')
    ? '选择任务行以查看任务卡。'
    : 'Select a task row to see its card.';
}
