using System.Security.Claims;
using KeySell.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KeySell.Application.Identity;

/// <summary>
/// What a sign-in (cookie or bearer token) says about its user besides the id: the role and the
/// colleague they are. Both change only with a new security stamp, which ends the old sessions.
/// </summary>
public sealed class KeySellClaims(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string Colleague = "keysell:colleague";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToId()));
        if (user.ColleagueId is { } colleague) identity.AddClaim(new Claim(Colleague, colleague.ToString()));
        return identity;
    }
}
