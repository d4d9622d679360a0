/**
 * The only file Apps Script sees: each export becomes a top-level global function in
 * build/Code.js. Keep these wrappers thin. Names ending in `_` cannot be called from
 * google.script.run (menu items and triggers only); the rest are the sidebar's API.
 */
import * as automation from './app/automation';
import { buildMenu } from './app/menu';
import { showSidebar } from './app/sidebar';
import * as sidebarApi from './app/sidebarApi';
import { myRatings, submitRating as submitRatingSave } from './app/ratingSave';
import { surveyRoundFromMenu } from './app/surveyRound';
import type { ActionResult, MyWork, RatingsView, SidebarServer, SidebarSetup, SidebarState } from './contract';
import type { DialogServer } from './dialogContract';
import { userLocale } from './gas/locale';
import { onEditEvent } from './app/onEdit';
import { importFromMenu, settingsFromMenu, validateFromMenu } from './app/workbookMenu';
import {
  approveFromMenu,
  setupFromMenu,
  setupWorkbookIn as setupIn,
  splitFromMenu,
  submitSplitForSignOff as submitForSignOff,
} from './app/menuDialogs';
import { decideSignOffFromSidebar, reviewRequestFromSidebar, splitRequestFromSidebar } from './app/workbookApi';
import { weeklySummaryFromMenu } from './app/summary';
import { refreshDashboardFromMenu } from './app/dashboard';
import { refreshTimelineFromMenu } from './app/timeline';
import { retrospectiveFromMenu } from './app/retrospective';
import { archiveFromMenu } from './app/archive';
import { saveAsTemplateMenu, splitFromTemplateMenu } from './app/templateMenu';
import { mailApp } from './gas/mailer';
import { decideSuggestionFromSidebar } from './app/suggestionDecision';

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(SpreadsheetApp.getUi(), userLocale());
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function openSidebar_(): void {
  showSidebar(SpreadsheetApp.getUi(), userLocale());
}

/** New request: the sidebar, opened on its request form. */
export function newRequest_(): void {
  showSidebar(SpreadsheetApp.getUi(), userLocale(), 'request');
}

/** Settings: the Settings sheet, where each row is a key and its value. */
export function openSettings_(): void {
  settingsFromMenu(SpreadsheetApp.getUi(), new Date());
}

/** The sidebar's strings and forms. */
export function getSidebarSetup(): SidebarSetup {
  return sidebarApi.getSidebarSetup(new Date());
}

/** The card of the task on the selected row; the sidebar polls it. */
export function getSidebarState(): SidebarState {
  return sidebarApi.getSidebarState(new Date());
}

/** What waits for the active user: their open tasks, sign-offs and action items. */
export function getMyWork(): MyWork {
  return sidebarApi.getMyWork(new Date());
}

/** Selects a My work item's row ({ sheet, id, row? }), so the card follows it; false when it is gone. */
export function selectMyWorkItem(target: unknown): boolean {
  return sidebarApi.selectMyWorkItem(new Date(), target);
}

/** Validates and saves one sidebar form: field errors, or what was saved. */
export function submitSidebarForm(form: unknown, payload: unknown, token?: unknown): ActionResult {
  return sidebarApi.submitSidebarForm(new Date(), form, payload, token);
}

/** The one hourly trigger (Automation ▸ Turn on): daily scan, weekly summary, queued notices. */
export function tick_(event?: GoogleAppsScript.Events.TimeDriven): void {
  automation.runTick(event?.triggerUid);
}

export function automationOn_(): void {
  automation.turnOnFromMenu(new Date());
}

export function automationOff_(): void {
  automation.runAutomationMenu(automation.turnOffAutomation);
}

export function automationStatus_(): void {
  automation.runAutomationMenu(automation.automationStatus);
}

export function runChecksNow_(): void {
  automation.runChecksNowFromMenu(new Date());
}

/** Simple trigger: IDs, timestamps, applied entries and owner checks for the edited sheet; no mail. */
export function onEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  // oldValue and value are set only when one cell was typed over (not for pastes or clears of a block).
  onEditEvent(new Date(), event.range, event as { oldValue?: unknown; value?: unknown });
}

export function setupWorkbook_(): void {
  setupFromMenu(SpreadsheetApp.getUi(), new Date());
}

export function validate_(): void {
  validateFromMenu(SpreadsheetApp.getUi(), new Date());
}

export function approveRequest_(): void {
  approveFromMenu(SpreadsheetApp.getUi(), new Date());
}

export function splitRequest_(): void {
  splitFromMenu(SpreadsheetApp.getUi(), new Date());
}

/** Split from template (SPEC §2.14): the selected approved request's tasks from a template. */
export function splitFromTemplate_(): void {
  splitFromTemplateMenu(SpreadsheetApp.getUi(), new Date());
}

/** Save as template (SPEC §2.14): the selected finished request's split as a new template. */
export function saveAsTemplate_(): void {
  saveAsTemplateMenu(SpreadsheetApp.getUi(), new Date());
}

export function importSheet_(): void {
  importFromMenu(SpreadsheetApp.getUi(), new Date());
}

export function weeklySummary_(): void {
  weeklySummaryFromMenu(SpreadsheetApp.getUi(), new Date(), mailApp);
}

export function refreshDashboard_(): void {
  refreshDashboardFromMenu(SpreadsheetApp.getUi(), new Date());
}

export function refreshTimeline_(): void {
  refreshTimelineFromMenu(SpreadsheetApp.getUi(), new Date());
}

export function createRetrospective_(): void {
  retrospectiveFromMenu(SpreadsheetApp.getUi(), new Date());
}

export function archiveCompleted_(): void {
  archiveFromMenu(SpreadsheetApp.getUi(), new Date());
}

/** Sidebar: approve, return or reject a request ({ id, decision, notes, lead?, coordinator? }); coordinators only. */
export function reviewRequest(payload: unknown, token?: unknown): ActionResult {
  return reviewRequestFromSidebar(payload, new Date(), token);
}

/** Sidebar: split an approved request into tasks ({ requestId, tasks: [{ name, owner, due, … }] }); coordinators only. */
export function splitRequest(payload: unknown, token?: unknown): ActionResult {
  return splitRequestFromSidebar(payload, new Date(), token);
}

/** Sidebar: agree with or return ({ subject, ref, decision, comment }) a sign-off waiting for the user. */
export function decideSignOff(payload: unknown, token?: unknown): ActionResult {
  return decideSignOffFromSidebar(payload, new Date(), token);
}

/** Sidebar: a coordinator's decision ({ id, status, owner, due, decisionNote }) on the selected suggestion. */
export function decideSuggestion(payload: unknown, token?: unknown): ActionResult {
  return decideSuggestionFromSidebar(payload, new Date(), token);
}

/** Sidebar: the ratings waiting for the active user (one My work section) and the card's captions. */
export function getMyRatings(): RatingsView {
  return myRatings(new Date());
}

/** Sidebar: a rating ({ ref, ratedDept?, overall, clarity, flow, communication, comment? }) by its rater. */
export function submitRating(payload: unknown, token?: unknown): ActionResult {
  return submitRatingSave(new Date(), payload, token);
}

export function openSurveyRound_(): void {
  surveyRoundFromMenu(new Date());
}

// Every function the sidebar calls exists here, with the contract's signature (a type check only).
void ({
  getSidebarSetup,
  getSidebarState,
  getMyWork,
  selectMyWorkItem,
  submitSidebarForm,
  reviewRequest,
  splitRequest,
  decideSignOff,
  decideSuggestion,
  getMyRatings,
  submitRating,
} satisfies SidebarServer);

/** Set up workbook's dialog: the workbook-language button ({ locale: 'zh-CN' | 'en' }); coordinators only. */
export function setupWorkbookIn(payload: unknown): ActionResult {
  return setupIn(payload, new Date());
}

/** Split into tasks' dialog with no new rows: the request's tasks go to sign-off ({ requestId }); coordinators only. */
export function submitSplitForSignOff(payload: unknown, token?: unknown): ActionResult {
  return submitForSignOff(payload, new Date(), token);
}

// Every function the menus' dialogs call exists here, with the contract's signature (a type check only).
void ({ setupWorkbookIn, submitSplitForSignOff, reviewRequest, splitRequest } satisfies DialogServer);
