using OfficeBot.Application.Localization;
using OfficeBot.Application.Matters;
using OfficeBot.Application.Presentation;
using OfficeBot.Cards.Views;
using OfficeBot.Domain.Matters;
using OfficeBot.Domain.Office;

namespace OfficeBot.Application.Reports;

/// <summary>
/// The supervision report (督辦通報, SPEC §6): the whole office for directors and leaders, a person's own matters for
/// anyone else (what they lead). One place builds it, for the <c>通報</c> command and for the report pushed every working
/// morning. Open and overdue come from the open-matter index; what happened in the last 7 days and the 7 before from the
/// statistics rows each change writes with itself.
/// </summary>
public sealed class ReportService(MatterService matters, MatterPresenter presenter)
{
    /// <summary>The report <paramref name="viewer"/> may see: the office for a director or leader, else their own matters.</summary>
    public async Task<ReportView> ForAsync(string tenantId, Actor viewer, Language language, CancellationToken cancellationToken)
    {
        var wholeOffice = viewer.IsDirector || viewer.IsLeader;
        if (wholeOffice)
        {
            return await OfficeAsync(tenantId, language, cancellationToken);
        }

        var own = viewer.Person.ObjectId;
        var statistics = await matters.WeeklyStatisticsAsync(tenantId, cancellationToken);
        return presenter.Report(new Messages(language).ReportHeading(wholeOffice: false), await matters.OpenForPersonAsync(tenantId, own, cancellationToken), statistics.Of(own));
    }

    /// <summary>The whole office's report.</summary>
    public async Task<ReportView> OfficeAsync(string tenantId, Language language, CancellationToken cancellationToken)
    {
        var statistics = await matters.WeeklyStatisticsAsync(tenantId, cancellationToken);
        return presenter.Report(new Messages(language).ReportHeading(wholeOffice: true), await matters.OpenAsync(tenantId, cancellationToken), statistics);
    }
}
