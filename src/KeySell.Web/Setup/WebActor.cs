using System.Security.Claims;
using KeySell.Application.Common;
using KeySell.Application.Identity;
using KeySell.Domain.Common;
using KeySell.Domain.Teams;

namespace KeySell.Web.Setup;

/// <summary>
/// The signed-in user, from their sign-in's claims. API requests have an HttpContext; interactive
/// components have none after the first render, so <see cref="Components.HandlerScope"/> hands over
/// their user explicitly. Start-up and background work act as the operator.
/// </summary>
public sealed class WebActor(IHttpContextAccessor http) : ICurrentUser
{
    private Operator? _operator;

    public ClaimsPrincipal? User { get; set; }

    /// <summary>For work the machine does on its own (start-up, purging the recycle bin): admin rights.</summary>
    public void ActAsOperator(string name) => _operator = new Operator(name);

    private ClaimsPrincipal? Principal => (User ?? http.HttpContext?.User) is { Identity.IsAuthenticated: true } user ? user : null;

    public string Name => _operator?.Name ?? (Principal?.Identity?.Name is { Length: > 0 } name ? name : "anonymous");

    public string? UserId => _operator is null ? Principal?.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public Guid? ColleagueId =>
        _operator is null && Guid.TryParse(Principal?.FindFirstValue(KeySellClaims.Colleague), out var id) ? id : null;

    public Role? Role => _operator is not null
        ? Domain.Teams.Role.Admin
        : MethodIds.TryParse<Role>(Principal?.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;
}
