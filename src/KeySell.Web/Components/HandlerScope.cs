using KeySell.Web.Setup;
using Microsoft.AspNetCore.Components.Authorization;

namespace KeySell.Web.Components;

/// <summary>
/// Runs one use case in a fresh DI scope for an interactive component. A circuit lives for the
/// whole visit, so sharing one DbContext across clicks would serve stale data and grow without
/// bound; each operation gets its own, stamped with the signed-in user for the audit columns.
/// </summary>
public sealed class HandlerScope(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public async Task<TResult> Run<THandler, TResult>(Func<THandler, Task<TResult>> use) where THandler : notnull
    {
        var state = await authentication.GetAuthenticationStateAsync();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WebActor>().User = state.User;
        return await use(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
