namespace PaperModel.Digest;

/// <summary>
/// The styles of <see cref="HtmlDigestRenderer"/>: inline declarations for the light page that every mail client
/// shows, and a small sheet that adds the dark scheme and narrow-screen spacing where a client reads
/// <c>&lt;style&gt;</c>. Colours meet WCAG AA contrast on their backgrounds in both schemes.
/// </summary>
internal static class HtmlDigestStyles
{
    private const string Font = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;";
    private const string Wrap = "overflow-wrap:anywhere;word-wrap:break-word;";

    public const string Sheet = """

        body{margin:0;padding:0;-webkit-text-size-adjust:100%;}
        a{color:#3730a3;}
        @media (prefers-color-scheme: dark){
        .pm-bg{background:#111318 !important;}
        .pm-card{background:#1b1e25 !important;border-color:#2c313b !important;}
        .pm-rule{border-top-color:#2c313b !important;}
        .pm-text{color:#eceef2 !important;}
        .pm-text2{color:#c9ced8 !important;}
        .pm-muted{color:#9aa3b2 !important;}
        .pm-link{color:#aab4ff !important;}
        .pm-chip{background:#272c38 !important;color:#c8cffd !important;}
        .pm-count{background:#2f3650 !important;color:#c8cffd !important;}
        .pm-mark{background:#5a4a12 !important;color:#fff4c2 !important;}
        }
        @media (max-width:520px){
        .pm-outer{padding:8px 6px !important;}
        .pm-pad{padding-left:16px !important;padding-right:16px !important;}
        .pm-h1{font-size:23px !important;}
        .pm-toc{font-size:12px !important;padding:1px 8px !important;}
        .pm-contents{line-height:1.9 !important;}
        }

        """;

    public const string Body = "margin:0;padding:0;background:#eef0f4;";
    public const string Page = "background:#eef0f4;";
    public const string Outer = "padding:28px 12px;";
    public const string Column = "max-width:680px;width:100%;";
    public const string Header = "padding:4px 24px 14px;" + Font;
    public const string Kicker = "margin:0 0 6px;font-size:12px;letter-spacing:0.08em;text-transform:uppercase;color:#5b6472;" + Font;
    public const string Title = "margin:0 0 6px;font-size:28px;line-height:1.2;font-weight:700;color:#111827;" + Font + Wrap;
    public const string Summary = "margin:0 0 14px;font-size:15px;color:#5b6472;" + Font;
    public const string Contents = "margin:0;line-height:2.1;" + Font;
    public const string ContentsChip = "display:inline-block;padding:2px 10px;margin:0 4px 0 0;border-radius:999px;background:#e0e4ff;color:#312e81;font-size:13px;text-decoration:none;white-space:nowrap;" + Font;
    public const string ContentsCount = "font-weight:700;";
    public const string SectionGap = "padding:8px 0;";
    public const string Card = "background:#ffffff;border:1px solid #dfe3ea;border-radius:14px;border-collapse:separate;";
    public const string SectionHead = "padding:18px 24px 10px;" + Font;
    public const string SectionTitle = "margin:0;font-size:19px;line-height:1.3;font-weight:700;color:#111827;" + Font + Wrap;
    public const string Count = "display:inline-block;margin-left:6px;padding:1px 9px;border-radius:999px;background:#e0e4ff;color:#312e81;font-size:12px;font-weight:600;vertical-align:middle;white-space:nowrap;";
    public const string Entry = "padding:16px 24px 18px;border-top:1px solid #eceff4;" + Font;
    public const string PaperTitle = "margin:0 0 4px;font-size:16.5px;line-height:1.4;font-weight:650;" + Wrap;
    public const string PaperLink = "color:#1e1b7a;text-decoration:none;";
    public const string Facts = "margin:0 0 8px;font-size:13px;line-height:1.5;color:#5b6472;" + Wrap;
    public const string Snippet = "margin:0 0 10px;font-size:14.5px;line-height:1.6;color:#374151;" + Wrap;
    public const string Mark = "background:#fdf0a6;color:#4a3505;padding:0 2px;border-radius:3px;";
    public const string Footnote = "margin:0;font-size:12.5px;line-height:2;" + Wrap;
    public const string Chip = "display:inline-block;padding:0 8px;border-radius:6px;background:#eef0f6;color:#3f4655;font-size:12px;line-height:1.9;";
    public const string Link = "color:#3730a3;font-weight:600;text-decoration:none;white-space:nowrap;";
    public const string Footer = "padding:16px 24px 8px;font-size:12px;line-height:1.6;color:#5b6472;text-align:center;" + Font;
}
