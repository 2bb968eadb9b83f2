// OfficeBot on Azure: a user-assigned identity the bot runs and signs in as, the Azure Bot with its Teams channel, a
// Linux App Service plan and Web App on .NET 10, a Storage account whose tables are reached with the identity only, and
// Log Analytics + Application Insights. Deploy into a resource group:
//   az deployment group create --resource-group <rg> --template-file infra/azure/main.bicep --parameters infra/azure/main.small.bicepparam
targetScope = 'resourceGroup'

@description('Short name of this OfficeBot (lowercase letters, digits and hyphens); resource names start with it.')
@minLength(3)
@maxLength(20)
param appName string

@description('Azure region of every resource except the bot, which is global.')
param location string = resourceGroup().location

@description('Office:TimeZone: IANA time zone of the office, e.g. Asia/Taipei or Asia/Shanghai.')
param officeTimeZone string

@description('Office:DefaultLocale: the language when an activity carries no locale.')
@allowed([
  'zh-TW'
  'zh-CN'
  'en-US'
])
param defaultLocale string

@description('Office:Directors: Entra object ids of the directors and deputies.')
@minLength(1)
param directors string[]

@description('Office:Leaders: Entra object ids of the leaders.')
param leaders string[] = []

@description('Office:Departments: name (at most 64 characters), the head\'s Entra object id and the members\' ids.')
param departments department[] = []

@description('Office:CoordinationChannel: conversation id (19:…@thread.tacv2) that gets every meeting request and conflict alert; empty: the chat of the request.')
param coordinationChannel string = ''

@description('Office:ReportChannel: conversation id of a channel that also gets the morning supervision report; empty: directors only.')
param reportChannel string = ''

@description('Office:Report:At: office-local time (HH:mm) of the morning supervision report.')
param reportAt string = '08:30'

@description('Office:Report:Push: whether the morning report is pushed at all.')
param reportPush bool = true

@description('Office:Calendar:IcsFiles: holiday calendars shipped with the app, e.g. calendars/tw-2026.ics.')
param calendarIcsFiles string[] = []

@description('Office:Graph:Enabled: read leaders\' Outlook calendars through Microsoft Graph, signed in as the identity (it needs Calendars.ReadBasic with admin consent).')
param graphEnabled bool = false

@description('Office:Graph:Mailboxes: the leaders read through Graph, with their SMTP addresses.')
param graphMailboxes mailbox[] = []

@description('Office:Graph:WriteApprovedMeetings: also write approved meetings to the leaders\' Outlook calendars (needs Calendars.ReadWrite).')
param graphWriteApprovedMeetings bool = false

@description('Storage:Tables:TablePrefix: prefix of every table name, to share one account between offices.')
param tablePrefix string = ''

@description('Any other setting from the README\'s Configuration table, as environment variable names (__ for :), e.g. { \'Office__Meetings__Rooms__0\': \'第一會議室\' }.')
param additionalSettings object = {}

@description('App Service plan SKU (always on needs B1 or above).')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param planSku string = 'B1'

@description('Instances of the Web App behind the one bot.')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('Storage redundancy of the tables.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Azure Bot pricing tier; Teams is a standard channel, free on either.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Days Log Analytics keeps logs and traces.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

param tags object = {}

type department = {
  @maxLength(64)
  name: string
  head: string
  members: string[]
}

type mailbox = {
  leader: string
  address: string
}

var suffix = uniqueString(resourceGroup().id, appName)
var identityName = '${appName}-id'
var webAppName = '${appName}-${suffix}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    namePrefix: appName
    location: location
    tags: tags
    retentionInDays: logRetentionDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${suffix}'
    location: location
    tags: tags
    skuName: storageSku
    identityName: identityName
  }
  dependsOn: [
    identity
  ]
}

var indexedLists = [
  map(range(0, length(directors)), i => { name: 'Office__Directors__${i}', value: directors[i] })
  map(range(0, length(leaders)), i => { name: 'Office__Leaders__${i}', value: leaders[i] })
  map(range(0, length(calendarIcsFiles)), i => { name: 'Office__Calendar__IcsFiles__${i}', value: calendarIcsFiles[i] })
  flatten(map(range(0, length(departments)), i => concat(
    [
      { name: 'Office__Departments__${i}__Name', value: departments[i].name }
      { name: 'Office__Departments__${i}__Head', value: departments[i].head }
    ],
    map(range(0, length(departments[i].members)), j => { name: 'Office__Departments__${i}__Members__${j}', value: departments[i].members[j] })
  )))
  flatten(map(range(0, length(graphMailboxes)), i => [
    { name: 'Office__Graph__Mailboxes__${i}__Leader', value: graphMailboxes[i].leader }
    { name: 'Office__Graph__Mailboxes__${i}__Address', value: graphMailboxes[i].address }
  ]))
]

var officeSettings = concat(
  [
    { name: 'Office__TimeZone', value: officeTimeZone }
    { name: 'Office__DefaultLocale', value: defaultLocale }
    { name: 'Office__Report__At', value: reportAt }
    { name: 'Office__Report__Push', value: string(reportPush) }
    { name: 'Office__Graph__Enabled', value: string(graphEnabled) }
    { name: 'Office__Graph__TenantId', value: tenant().tenantId }
    { name: 'Office__Graph__ManagedIdentityClientId', value: identity.outputs.clientId }
    { name: 'Office__Graph__WriteApprovedMeetings', value: string(graphWriteApprovedMeetings) }
  ],
  // Left out when empty, so the app's own default applies.
  empty(coordinationChannel) ? [] : [{ name: 'Office__CoordinationChannel', value: coordinationChannel }],
  empty(reportChannel) ? [] : [{ name: 'Office__ReportChannel', value: reportChannel }],
  empty(tablePrefix) ? [] : [{ name: 'Storage__Tables__TablePrefix', value: tablePrefix }],
  flatten(indexedLists),
  map(items(additionalSettings), setting => { name: setting.key, value: string(setting.value) })
)

module app 'modules/appService.bicep' = {
  name: 'app'
  params: {
    namePrefix: appName
    webAppName: webAppName
    location: location
    tags: tags
    planSku: planSku
    instanceCount: instanceCount
    identityResourceId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
    tableEndpoint: storage.outputs.tableEndpoint
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    workspaceId: monitoring.outputs.workspaceId
    officeSettings: officeSettings
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: webAppName
    displayName: 'OfficeBot'
    tags: tags
    sku: botSku
    messagingEndpoint: 'https://${app.outputs.defaultHostName}/api/messages'
    identityResourceId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityTenantId: identity.outputs.tenantId
  }
}

@description('The bot\'s app id (the identity\'s client id): the botId of the Teams app package.')
output botAppId string = identity.outputs.clientId
output botName string = bot.outputs.name
output webAppName string = app.outputs.name
output messagingEndpoint string = 'https://${app.outputs.defaultHostName}/api/messages'
output storageAccountName string = storage.outputs.name
output tableEndpoint string = storage.outputs.tableEndpoint
