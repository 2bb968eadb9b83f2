// A larger office: several instances behind the same bot on a Premium v3 plan, zone-redundant tables. The instances
// share the tables and the outbox, so any of them answers any message and sends any reminder. Replace the example ids.
using './main.bicep'

param appName = 'officebot'
param officeTimeZone = 'Asia/Shanghai'
param defaultLocale = 'zh-CN'
param directors = [
  '00000000-0000-0000-0000-000000000001'
  '00000000-0000-0000-0000-000000000003'
]
param leaders = [
  '00000000-0000-0000-0000-000000000002'
]
param departments = [
  {
    name: '综合处'
    head: '00000000-0000-0000-0000-000000000010'
    members: [
      '00000000-0000-0000-0000-000000000011'
    ]
  }
]
param calendarIcsFiles = [
  'calendars/cn-2026.ics'
]

param planSku = 'P1v3'
param instanceCount = 3
param storageSku = 'Standard_ZRS'
param logRetentionDays = 90
