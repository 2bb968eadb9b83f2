using Microsoft.Extensions.Options;
using OfficeBot.Application.Configuration;
using OfficeBot.Application.Office;
using OfficeBot.Domain.Calendar;

namespace OfficeBot.Web.Hosting;

public static class CalendarSetup
{
    /// <summary>
    /// The office's working calendar from <c>Office:Calendar</c>, read once. A bad date or .ics file fails start-up with
    /// every problem named (file and line, or setting key), rather than counting a holiday as a working day.
    /// </summary>
    public static IHostApplicationBuilder AddOfficeCalendar(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CalendarOptions>()
            .Bind(builder.Configuration.GetSection(CalendarOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CalendarOptions>, CalendarValidation>();
        builder.Services.AddSingleton<WorkingCalendar>(services =>
        {
            var load = CalendarLoader.Load(services.GetRequiredService<IOptions<CalendarOptions>>().Value,
                services.GetRequiredService<IHostEnvironment>().ContentRootPath);
            return load.Calendar ?? throw new OptionsValidationException(CalendarOptions.Section, typeof(CalendarOptions), load.Errors);
        });
        return builder;
    }

    private sealed class CalendarValidation(IHostEnvironment environment) : IValidateOptions<CalendarOptions>
    {
        public ValidateOptionsResult Validate(string? name, CalendarOptions options)
        {
            var load = CalendarLoader.Load(options, environment.ContentRootPath);
            return load.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(load.Errors);
        }
    }
}
