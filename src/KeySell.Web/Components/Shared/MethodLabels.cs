using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;
using KeySell.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KeySell.Web.Components.Shared;

/// <summary>
/// The method's values in the reader's language (教练, 四平八稳型, 漏斗之上…). Keys follow the
/// method ids (<c>Enum.ResponseMode.even-keel</c>) so a label can never drift from the id it names.
/// </summary>
public static class MethodLabels
{
    public static string Label<T>(this IStringLocalizer<UiText> text, T value) where T : struct, Enum =>
        text[$"Enum.{typeof(T).Name}.{value.ToId()}"];

    /// <summary>A value nobody has recorded yet reads "unknown", so the gap stays visible.</summary>
    public static string Label<T>(this IStringLocalizer<UiText> text, T? value) where T : struct, Enum =>
        value is { } known ? text.Label(known) : text["Common.Unknown"];

    /// <summary>All roles a person holds, e.g. "Coach, User"; "Role unknown" for none.</summary>
    public static string Roles(this IStringLocalizer<UiText> text, BuyingRoles roles) =>
        roles == BuyingRoles.None
            ? text["Role.None"]
            : string.Join(", ", roles.Split().Select(r => text.Label(r)));

    /// <summary>The CUTE letter of one role (C, U, T, E).</summary>
    public static string Letter(this IStringLocalizer<UiText> text, BuyingRoles role) => text[$"Role.Letter.{role.ToId()}"];

    /// <summary>What the role means, for a tooltip on its letter badge.</summary>
    public static string RoleHelp(this IStringLocalizer<UiText> text, BuyingRoles role) => text[$"Role.Help.{role.ToId()}"];

    /// <summary>The support band's name (champion … opponent) for a value −5…+5.</summary>
    public static string SupportBand(this IStringLocalizer<UiText> text, int support) => text[$"Support.{Support.Band(support).ToString().ToLowerInvariant()}"];

    /// <summary>The small sign a seller reads at a glance: growth ↗, trouble ⚠, even keel →, overconfident ☼, unknown ?.</summary>
    public static string Symbol(this ResponseMode mode) => mode switch
    {
        ResponseMode.Growth => "\u2197",
        ResponseMode.Trouble => "\u26A0",
        ResponseMode.EvenKeel => "\u2192",
        ResponseMode.Overconfident => "\u263C",
        _ => "?",
    };
}
