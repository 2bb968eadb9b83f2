// A small office: one instance on a Basic plan, locally redundant tables. Replace the example ids with your directors'
// and leaders' Entra object ids (Entra admin center → Users → the person → Object ID).
using './main.bicep'

param appName = 'officebot'
param officeTimeZone = 'Asia/Taipei'
param defaultLocale = 'zh-TW'
param directors = [
  '00000000-0000-0000-0000-000000000001'
]
param leaders = [
  '00000000-0000-0000-0000-000000000002'
]
param calendarIcsFiles = [
  'calendars/tw-2026.ics'
]

param planSku = 'B1'
param instanceCount = 1
param storageSku = 'Standard_LRS'
