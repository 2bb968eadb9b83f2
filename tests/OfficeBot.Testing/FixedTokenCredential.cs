using Azure.Core;

namespace OfficeBot.Testing;

/// <summary>
/// A credential that hands out one fixed token. Azure.Identity can only sign in against Entra, which tests cannot reach,
/// so this is the only part of the Graph stack the tests fake: the real GraphServiceClient, its middleware and its JSON
/// run against <see cref="OfficeBot.Testing.FakeGraph"/> on loopback.
/// </summary>
public sealed class FixedTokenCredential : TokenCredential
{
    public const string Token = "fake-graph-token";

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(Token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
