@description('Globally unique name of the Azure Bot resource (its handle).')
param name string

param displayName string
param tags object

@allowed([
  'F0'
  'S1'
])
param sku string

@description('https endpoint Teams posts activities to.')
param messagingEndpoint string

@description('Resource id, client id and tenant id of the user-assigned identity the bot signs in as.')
param identityResourceId string
param identityClientId string
param identityTenantId string

// The Bot Service is a global resource; the identity is the bot's app id (no app registration, no secret).
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppTenantId: identityTenantId
    msaAppMSIResourceId: identityResourceId
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
