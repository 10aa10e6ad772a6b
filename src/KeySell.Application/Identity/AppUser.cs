using KeySell.Domain.Teams;
using Microsoft.AspNetCore.Identity;

namespace KeySell.Application.Identity;

/// <summary>A person who signs in to KeySell; always linked to the colleague they are.</summary>
public class AppUser : IdentityUser
{
    public Guid? ColleagueId { get; set; }

    /// <summary>One role per user (contract: admin, manager, seller, viewer).</summary>
    public Role Role { get; set; } = Role.Seller;

    /// <summary>A disabled user cannot sign in, and their sessions and tokens stop working.</summary>
    public bool Disabled { get; set; }

    /// <summary>Set for a temporary password an admin handed out: changed at the first sign-in.</summary>
    public bool MustChangePassword { get; set; }
}

/// <summary>The role ids as the authorisation policies and role claims spell them.</summary>
public static class Roles
{
    public const string Admin = "admin";
}
