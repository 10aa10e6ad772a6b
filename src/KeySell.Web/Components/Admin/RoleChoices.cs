using KeySell.Domain.Teams;

namespace KeySell.Web.Components.Admin;

/// <summary>The roles in the order an admin reads them: most rights first.</summary>
public static class RoleChoices
{
    public static readonly IReadOnlyList<Role> All = Enum.GetValues<Role>().OrderDescending().ToList();
}
