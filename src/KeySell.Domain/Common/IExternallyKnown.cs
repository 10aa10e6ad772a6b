namespace KeySell.Domain.Common;

/// <summary>
/// A record brought in from another CRM keeps that system's id, so importing the same export again
/// updates it instead of adding a twin. The id is unique per source system and record type.
/// </summary>
public interface IExternallyKnown
{
    public const int SourceMaxLength = 32;
    public const int IdMaxLength = 100;

    /// <summary>The CRM the record came from: <c>salesforce</c>, <c>hubspot</c>, <c>dynamics</c> or <c>file</c>.</summary>
    string? ExternalSource { get; set; }

    /// <summary>The record's id in that CRM.</summary>
    string? ExternalId { get; set; }
}
