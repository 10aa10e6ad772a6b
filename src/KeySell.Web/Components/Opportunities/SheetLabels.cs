using KeySell.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KeySell.Web.Components.Opportunities;

/// <summary>The sheet's names for red-flag ids (没有教练, 技术把关者可能否决…); the method's enums are labelled by <c>MethodLabels</c>.</summary>
public static class SheetLabels
{
    public static string RedFlag(this IStringLocalizer<SheetText> text, string id) => text["RedFlag." + id];
}
