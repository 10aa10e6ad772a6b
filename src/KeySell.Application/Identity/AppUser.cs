using Microsoft.AspNetCore.Identity;

namespace KeySell.Application.Identity;

/// <summary>A person who signs in to KeySell; always linked to the colleague they are.</summary>
public class AppUser : IdentityUser
{
    public Guid? ColleagueId { get; set; }
}

public static class Roles
{
    public const string Admin = "admin";
}
