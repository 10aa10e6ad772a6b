using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using KeySell.Application.Identity;

namespace KeySell.Web.Setup;

/// <summary>
/// An interactive page keeps one connection open for the whole visit, past any later request's
/// check; this re-checks its session every 30 seconds and signs the page out when it has ended.
/// </summary>
internal sealed class SessionAuthenticationStateProvider(ILoggerFactory loggers, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await SessionGate.CheckAsync(scope.ServiceProvider, state.User, ct) != SessionState.Closed;
    }
}
