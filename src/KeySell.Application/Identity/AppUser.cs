using KeySell.Domain.Teams;
using Microsoft.AspNetCore.Identity;

namespace KeySell.Application.Identity;

/// <summary>A person who signs in to KeySell; always linked to the colleague they are.</summary>
public class AppUser : IdentityUser
{
    public Guid? ColleagueId { get; set; }

    /// <summary>One role per user (contract: admin, manager, seller, viewer).</summary>
    public Role Role { get; set; } = Role.Seller;

    /// <summary>A disabled user cannot sign in, and every session they hold stops working.</summary>
    public bool Disabled { get; set; }

    /// <summary>Set for a password someone else chose (a temporary one): the user must pick their own before working.</summary>
    public bool MustChangePassword { get; set; }
}

/// <summary>The role ids as the authorisation policies and role claims spell them.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Manager = "manager";

    /// <summary>Who opens the team review (an <c>[Authorize(Roles = …)]</c> list).</summary>
    public const string Reviewers = Admin + "," + Manager;
}
