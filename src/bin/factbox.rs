//! The `factbox` command: checks documents before they are published, and writes boxes
//! ahead of time for every channel (see `factbox help`).
//!
//! It is a thin shell around the library: the messages are the widget's
//! ([`factbox::Problem::message`]), the snippets are [`factbox::prerender`]'s, the PNG is
//! that module's SVG rasterised by resvg. Native only; the wasm never sees it.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use std::sync::Arc;

    use factbox::prerender::{self, Data, Options, Scheme};
    use factbox::{Failure, Lang};
    use resvg::{tiny_skia, usvg};

    const USAGE: &str = "\
factbox — check and prerender fact boxes

USAGE
  factbox check FILE... [--lang vi|en]
      Prints every problem as FILE:LINE:COLUMN: message (the widget's messages) and
      exits with 1 when any box is broken, 0 when all are good. A box with live data
      (\"data\": {\"url\": …}) has its data read and checked too: an https:// address,
      or a path from the JSON file's folder (from the current folder if it starts with /).

  factbox render FILE[#ID] --out DIR [--width PX] [--theme auto|light|dark]
                 [--lang vi|en] [--inline] [--script URL | --no-script] [--font FILE]...
                 [--utc-offset +HH:MM]
      Writes, for every box of FILE (or the one #ID names), DIR/ID.html (the embed
      snippet with the box prerendered inside it), DIR/ID.cms.html (the same for a CMS
      that strips templates, styles, SVG and scripts, as WordPress does for authors: the
      box's text and table, its chart as ID.png, uploaded beside FILE; the site loads
      factbox.js), DIR/ID.svg and DIR/ID.png (the whole box as an image, the PNG at twice
      --width, default 640). A box with live data is written with its data as it is
      now, read once; the page then reads it again as the box asks.
      --inline    put the JSON inside the snippet (one paste, no file to host)
      --script    the URL of factbox.js in the snippet (default factbox.js)
      --no-script no script tag (the page loads factbox itself, e.g. the npm module's
                  hydrate())
      --theme     auto (the reader's colour scheme, default) or a fixed one; the images
                  are light unless dark is asked for
      --lang      the language of boxes whose file does not say (default vi)
      --utc-offset the clock of a live box's “updated” line, e.g. +07:00 (the default,
                  Vietnam's); the page writes the reader's own at its next read. The
                  time is now, or SOURCE_DATE_EPOCH (seconds) where a build sets it
      --font      the site's font, a TTF/OTF file (repeatable: a regular and a bold):
                  the charts are laid out with its widths and name it first (the page
                  must load it; readers without it get Arial's metrics' fonts), and the
                  images use it. By default Arial's metrics, and Liberation Sans 2
                  (Debian: fonts-liberation2) for the images
";

    /// A mistake on the command line: the message, and the usage is printed after it.
    struct Usage(String);

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let result = match args.first().map(String::as_str) {
            Some("check") => check(&args[1..]),
            Some("render") => render(&args[1..]),
            Some("help" | "--help" | "-h") | None => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Some("--version" | "-V") => {
                println!("factbox {}", env!("CARGO_PKG_VERSION"));
                return ExitCode::SUCCESS;
            }
            Some(other) => Err(Usage(format!("unknown command `{other}`"))),
        };
        match result {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(Usage(message)) => {
                eprintln!("factbox: {message}\n\n{USAGE}");
                ExitCode::from(2)
            }
        }
    }

    /// The value after a flag.
    fn value<'a>(
        args: &mut impl Iterator<Item = &'a String>,
        flag: &str,
    ) -> Result<&'a str, Usage> {
        args.next()
            .map(String::as_str)
            .ok_or_else(|| Usage(format!("{flag} needs a value")))
    }

    fn lang(text: &str) -> Result<Lang, Usage> {
        match text {
            "vi" | "vi-VN" => Ok(Lang::Vi),
            "en" => Ok(Lang::En),
            _ => Err(Usage(format!("--lang is vi or en, not `{text}`"))),
        }
    }

    /// A file's text as the widget would get it: UTF-8, without a byte-order mark (a
    /// browser's `text()` drops it). A file that cannot be read is a problem of that file.
    fn read(file: &str) -> Result<String, String> {
        let bytes = std::fs::read(file).map_err(|e| format!("{file}: cannot read it: {e}"))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            format!(
                "{file}: not UTF-8 text (byte {}): save it as UTF-8",
                e.utf8_error().valid_up_to() + 1
            )
        })?;
        Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned())
    }

    /// Prints a failure's problems as compilers do, `FILE:LINE:COLUMN: PATH: what`, in
    /// `lang` or the document's language: the widget's messages, the place first.
    fn report(file: &str, failure: &Failure, lang: Option<Lang>) {
        let lang = lang.unwrap_or(failure.lang);
        for p in &failure.problems {
            println!("{}", line(file, p, lang));
        }
    }

    /// One problem as `FILE:LINE:COLUMN: PATH: what` (the place's parts that are known).
    pub fn line(file: &str, p: &factbox::Problem, lang: Lang) -> String {
        let place = match p.at {
            Some(at) => format!("{file}:{}:{}", at.line, at.column),
            None => file.to_owned(),
        };
        let what = p.what.describe(lang);
        if p.path.is_empty() {
            format!("{place}: {what}")
        } else {
            format!("{place}: {}: {what}", p.path)
        }
    }

    /// The most bytes of live data read: a box's data is at most a sheet of
    /// [`factbox::live::MAX_ROWS`] rows, and the document's own limit is the same size.
    const MAX_DATA_BYTES: u64 = factbox::MAX_DOCUMENT_BYTES as u64;

    /// A box's live data, read once for `factbox check` and `factbox render`: an
    /// `https://` address, or a path read from the JSON file's folder (a path that starts
    /// with `/`, from the current folder, which stands for the site's root).
    fn fetch(file: &str, url: &str) -> Result<String, String> {
        if url.starts_with("https://") {
            let response = ureq::get(url)
                .call()
                .map_err(|e| format!("{url}: cannot read it: {e}"))?;
            let mut body = response.into_body();
            let bytes = body
                .with_config()
                .limit(MAX_DATA_BYTES)
                .read_to_vec()
                .map_err(|e| format!("{url}: cannot read it: {e}"))?;
            return String::from_utf8(bytes).map_err(|e| {
                format!("{url}: not UTF-8 text (byte {})", e.utf8_error().valid_up_to() + 1)
            });
        }
        let path = match url.strip_prefix('/') {
            Some(rooted) => PathBuf::from(rooted),
            None => Path::new(file).parent().unwrap_or(Path::new("")).join(url),
        };
        let shown = path.display().to_string();
        if std::fs::metadata(&path).is_ok_and(|m| m.len() > MAX_DATA_BYTES) {
            return Err(format!("{shown}: larger than {} MB", MAX_DATA_BYTES >> 20));
        }
        read(&shown)
    }

    /// Reads each live box's data (of those `only` names, if it is given) into `text`: the
    /// document with those boxes' values from their data, or `None` after printing what is
    /// wrong (where the data is, and
    /// the row and column of the data where that is known).
    fn with_live_data(file: &str, text: &str, only: Option<&[String]>, lang: Option<Lang>) -> Option<String> {
        let mut merged = text.to_owned();
        let mut good = true;
        for (index, id, url) in factbox::live::sources(text) {
            if only.is_some_and(|ids| !ids.contains(&id)) {
                continue;
            }
            let lang = lang.unwrap_or_default();
            let place = format!("{file}: boxes[{index}].data.url");
            let data = match fetch(file, &url) {
                Ok(d) => d,
                Err(message) => {
                    println!("{place}: {message}");
                    good = false;
                    continue;
                }
            };
            match factbox::live::checked(&merged, &id, &data, lang) {
                Ok((_, text)) => merged = text,
                Err(faults) => {
                    for f in faults {
                        println!("{place}: {url}: {}", f.message(lang));
                    }
                    good = false;
                }
            }
        }
        good.then_some(merged)
    }

    fn check(args: &[String]) -> Result<bool, Usage> {
        let mut files = Vec::new();
        let mut forced = None;
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--lang" => forced = Some(lang(value(&mut it, "--lang")?)?),
                flag if flag.starts_with("--") => {
                    return Err(Usage(format!("unknown option `{flag}`")));
                }
                file => files.push(file),
            }
        }
        if files.is_empty() {
            return Err(Usage("check needs at least one FILE".into()));
        }
        let mut good = true;
        for file in files {
            let text = match read(file) {
                Ok(t) => t,
                Err(message) => {
                    println!("{message}");
                    good = false;
                    continue;
                }
            };
            match factbox::load(&text, None, forced.unwrap_or_default()) {
                Err(failure) => {
                    report(file, &failure, forced);
                    good = false;
                }
                Ok(results) => {
                    let mut checked = Vec::new();
                    for r in results {
                        match r {
                            Ok(b) => checked.push(b.id().to_owned()),
                            Err(failure) => {
                                report(file, &failure, forced);
                                good = false;
                            }
                        }
                    }
                    // Each good live box's data, read now and checked as the page will (a
                    // box already refused, its address among its problems, is not read).
                    good &= with_live_data(file, &text, Some(&checked), forced).is_some();
                }
            }
        }
        Ok(good)
    }

    fn render(args: &[String]) -> Result<bool, Usage> {
        let mut input = None;
        let mut out = None;
        let mut width = prerender::DEFAULT_WIDTH;
        let mut scheme = Scheme::Auto;
        let mut default_lang = Lang::Vi;
        let mut inline = false;
        let mut script = prerender::DEFAULT_SCRIPT.to_owned();
        let mut fonts = Vec::new();
        let mut utc_offset = VIETNAM;
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--out" => out = Some(PathBuf::from(value(&mut it, "--out")?)),
                "--width" => {
                    let v = value(&mut it, "--width")?;
                    let (min, max) = prerender::IMAGE_WIDTHS;
                    width = v
                        .parse::<f64>()
                        .ok()
                        .filter(|w| (min..=max).contains(w))
                        .ok_or_else(|| {
                            Usage(format!(
                                "--width is a number of pixels, {min} to {max}, not `{v}`"
                            ))
                        })?;
                }
                "--theme" => {
                    let v = value(&mut it, "--theme")?;
                    scheme = Scheme::parse(v).ok_or_else(|| {
                        Usage(format!("--theme is auto, light or dark, not `{v}`"))
                    })?;
                }
                "--lang" => default_lang = lang(value(&mut it, "--lang")?)?,
                "--inline" => inline = true,
                "--script" => script = value(&mut it, "--script")?.to_owned(),
                "--no-script" => script.clear(),
                "--font" => fonts.push(PathBuf::from(value(&mut it, "--font")?)),
                "--utc-offset" => {
                    let v = value(&mut it, "--utc-offset")?;
                    utc_offset = offset(v).ok_or_else(|| {
                        Usage(format!("--utc-offset is +HH:MM or -HH:MM, e.g. +07:00, not `{v}`"))
                    })?;
                }
                flag if flag.starts_with("--") => {
                    return Err(Usage(format!("unknown option `{flag}`")));
                }
                file if input.is_none() => input = Some(file),
                extra => return Err(Usage(format!("render takes one FILE, not also `{extra}`"))),
            }
        }
        let input = input.ok_or_else(|| Usage("render needs a FILE".into()))?;
        let out = out.ok_or_else(|| Usage("render needs --out DIR".into()))?;
        let (file, pick) = match input.split_once('#') {
            Some((f, id)) => (f, Some(id)),
            None => (input, None),
        };
        let text = match read(file) {
            Ok(t) => t,
            Err(message) => {
                println!("{message}");
                return Ok(false);
            }
        };
        let mut options = Options {
            data: if inline {
                Data::Inline
            } else {
                Data::File(file)
            },
            scheme,
            lang: default_lang,
            width,
            script: &script,
            read_at: None,
        };
        // With --font, the drawings are laid out with that font's widths and name it.
        let metrics = if fonts.is_empty() {
            None
        } else {
            match factbox::fontfile::FontMetrics::load(&fonts) {
                Ok(m) => Some(m),
                Err(message) => {
                    println!("{message}");
                    return Ok(false);
                }
            }
        };
        let family = metrics
            .as_ref()
            .map(factbox::fontfile::FontMetrics::css_family);
        let drawing = match (&metrics, &family) {
            (Some(m), Some(f)) => m.drawing(f),
            _ => prerender::Drawing::default(),
        };
        // A live box is prerendered with its data as it is now. The merged document is
        // written anew, so problems of the file itself are said first, at their lines in
        // the file.
        let live = !factbox::live::sources(&text).is_empty();
        // The moment the data is read, for the box's "updated" line, on the newsroom's
        // clock (the page writes the reader's own at its next read).
        // `SOURCE_DATE_EPOCH` (seconds), where a build sets it, for the same snippet from
        // the same data (and the same as `npx factbox render` writes).
        let epoch = std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<f64>().ok());
        let read_at = live.then(|| factbox::markup::ReadAt {
            ms: epoch.map_or_else(
                || {
                    std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
                },
                |s| s * 1000.0,
            ),
            offset: utc_offset,
        });
        options.read_at = read_at;
        let text = if !live {
            text
        } else {
            if let Ok(results) = factbox::load(&text, pick, default_lang) {
                let broken: Vec<Failure> = results.into_iter().filter_map(Result::err).collect();
                for failure in &broken {
                    report(file, failure, None);
                }
                if !broken.is_empty() {
                    return Ok(false);
                }
            }
            let picked: Option<Vec<String>> = pick.map(|p| vec![p.to_owned()]);
            match with_live_data(file, &text, picked.as_deref(), Some(default_lang)) {
                Some(merged) => merged,
                None => return Ok(false),
            }
        };
        let results = match prerender::prerender_drawn(&text, pick, &options, &drawing) {
            Ok(r) => r,
            Err(failure) => {
                report(file, &failure, None);
                return Ok(false);
            }
        };
        if let Err(e) = std::fs::create_dir_all(&out) {
            println!("{}: cannot create it: {e}", out.display());
            return Ok(false);
        }
        let fontdb = Arc::new(font_database(&fonts));
        let mut good = true;
        for r in results {
            let p = match r {
                Ok(p) => p,
                Err(failure) => {
                    report(file, &failure, None);
                    good = false;
                    continue;
                }
            };
            let written = write(&out, &p.id, "html", p.html.as_bytes())
                .and_then(|()| write(&out, &p.id, "cms.html", p.cms.as_bytes()))
                .and_then(|()| write(&out, &p.id, "svg", p.svg.as_bytes()))
                .and_then(|()| {
                    let png = png(&p.svg, &fontdb)?;
                    write(&out, &p.id, "png", &png)
                });
            match written {
                Ok(()) => eprintln!("factbox: wrote {0}.html, {0}.cms.html, {0}.svg, {0}.png", p.id),
                Err(message) => {
                    println!("{message}");
                    good = false;
                }
            }
        }
        Ok(good)
    }

    /// Vietnam's clock, UTC+7, in minutes: the time a live box's "updated" line gives
    /// unless `--utc-offset` says another.
    const VIETNAM: i32 = 7 * 60;

    /// `+07:00` (or `-03:30`, `+7`) in minutes from UTC.
    fn offset(text: &str) -> Option<i32> {
        let (sign, rest) = match text.as_bytes().first()? {
            b'+' => (1, &text[1..]),
            b'-' => (-1, &text[1..]),
            _ => return None,
        };
        let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
        let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
        ((0..=14).contains(&h) && (0..60).contains(&m)).then_some(sign * (h * 60 + m))
    }

    fn write(dir: &Path, id: &str, ext: &str, bytes: &[u8]) -> Result<(), String> {
        let path = dir.join(format!("{id}.{ext}"));
        std::fs::write(&path, bytes)
            .map_err(|e| format!("{}: cannot write it: {e}", path.display()))
    }

    /// Where Debian's fonts-liberation2 puts Liberation Sans 2: Arial's metrics (which our
    /// text estimate is made for) and every Vietnamese letter (Liberation 1 has none).
    const LIBERATION2: &str = "/usr/share/fonts/truetype/liberation2";
    /// A fallback for symbols Liberation lacks that a journalist's words may hold (✓, ★, ⚠),
    /// from Debian's fonts-dejavu-core. (The image's own status symbols are drawn as lines:
    /// `layout::card`'s `Icon`.)
    const DEJAVU: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// The fonts for the images: the ones given, else Liberation Sans 2, else the system's.
    fn font_database(given: &[PathBuf]) -> usvg::fontdb::Database {
        let mut db = usvg::fontdb::Database::new();
        for f in given {
            if let Err(e) = db.load_font_file(f) {
                eprintln!("factbox: {}: cannot load the font: {e}", f.display());
            }
        }
        if given.is_empty() {
            if Path::new(LIBERATION2).is_dir() {
                db.load_fonts_dir(LIBERATION2);
                if db.load_font_file(DEJAVU).is_err() {
                    eprintln!(
                        "factbox: {DEJAVU} not found (Debian: apt install fonts-dejavu-core)"
                    );
                }
            } else {
                eprintln!(
                    "factbox: {LIBERATION2} not found (Debian: apt install fonts-liberation2); \
                     using the system's fonts, so the images may differ from machine to machine"
                );
                db.load_system_fonts();
            }
        }
        // Whatever family the SVG asks for that is not there falls back to the first font.
        let first = db
            .faces()
            .next()
            .and_then(|f| f.families.first())
            .map(|(name, _)| name.clone());
        if let Some(family) = first {
            db.set_sans_serif_family(family);
        }
        db
    }

    /// `svg` rasterised at twice its size.
    fn png(svg: &str, fontdb: &Arc<usvg::fontdb::Database>) -> Result<Vec<u8>, String> {
        const SCALE: f32 = 2.0;
        let options = usvg::Options {
            fontdb: Arc::clone(fontdb),
            font_family: "sans-serif".to_owned(),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_str(svg, &options)
            .map_err(|e| format!("the SVG did not read: {e}"))?;
        let size = tree.size().to_int_size();
        let (w, h) = (
            (size.width() as f32 * SCALE).ceil() as u32,
            (size.height() as f32 * SCALE).ceil() as u32,
        );
        let mut pixmap =
            tiny_skia::Pixmap::new(w, h).ok_or_else(|| format!("an image of {w}×{h} pixels"))?;
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(SCALE, SCALE),
            &mut pixmap.as_mut(),
        );
        // The box has an opaque background, so the alpha channel says nothing: RGB only.
        let rgb: Vec<u8> = pixmap
            .pixels()
            .iter()
            .flat_map(|p| [p.red(), p.green(), p.blue()])
            .collect();
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, w, h);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Best);
        encoder.set_filter(png::FilterType::Paeth);
        encoder.set_adaptive_filter(png::AdaptiveFilterType::Adaptive);
        let failed = |e: png::EncodingError| format!("PNG encoding failed: {e}");
        let mut writer = encoder.write_header().map_err(failed)?;
        writer.write_image_data(&rgb).map_err(failed)?;
        writer.finish().map_err(failed)?;
        Ok(bytes)
    }
}
