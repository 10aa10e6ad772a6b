using System.Globalization;
using System.Text;
using KeySell.Application.Data;
using KeySell.Domain.BuyingInfluences;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.BuyingInfluences;

/// <summary>
/// The influence's id in the sheet: readable where the name allows ("Li Wei" → <c>li-wei</c>),
/// stable otherwise (李伟 → <c>p-</c> and the person id's first 8 hex digits), unique per deal.
/// </summary>
public static class InfluenceKeys
{
    private const int SlugMaxLength = BuyingInfluence.KeyMaxLength - 8;

    public static string Slug(string name, Guid personId)
    {
        var slug = new StringBuilder();
        // Accents fall away (José → jose) so the key stays plain ASCII.
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        if (!text.Any(char.IsAsciiLetter)) return "p-" + personId.ToString("N")[..8];
        return text.Length <= SlugMaxLength ? text : text[..SlugMaxLength].TrimEnd('-');
    }

    /// <summary>The slug, or the slug with -2, -3… when another influence of the deal already uses it.</summary>
    public static string Unique(string slug, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(slug)) return slug;
        for (var n = 2; ; n++)
        {
            var candidate = $"{slug}-{n}";
            if (!taken.Contains(candidate)) return candidate;
        }
    }

    /// <summary>The keys of a deal's influences, which its lists, calls, actions and influence lines refer to; read under the access rules.</summary>
    public static async Task<HashSet<string>> InfluenceKeysAsync(this AppDbContext db, Guid opportunityId, CancellationToken ct) =>
        (await db.BuyingInfluences.Where(i => i.OpportunityId == opportunityId).Select(i => i.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
}
