using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Application.Identity;

/// <summary>The password and lockout rules, the same wherever a user is created or signs in (web and CLI).</summary>
public static class IdentityRules
{
    public static void Apply(IdentityOptions identity)
    {
        identity.User.RequireUniqueEmail = true;
        identity.Password.RequiredLength = 8;
        identity.Lockout.MaxFailedAccessAttempts = 5;
        identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        identity.Lockout.AllowedForNewUsers = true;
    }

    /// <summary>User management without sign-in, for the CLI: the operator creates users and teams on the machine.</summary>
    public static IServiceCollection AddKeySellUsers(this IServiceCollection services)
    {
        services.AddLogging();
        services.AddIdentityCore<AppUser>(Apply)
            .AddEntityFrameworkStores<Data.AppDbContext>()
            .AddClaimsPrincipalFactory<KeySellClaims>();
        return services;
    }
}
