@description('Name of the user-assigned managed identity.')
param name string

param location string
param tags object

// The bot signs in to the Bot Framework and reaches the tables as this identity: no secret to store or rotate.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output tenantId string = identity.properties.tenantId
