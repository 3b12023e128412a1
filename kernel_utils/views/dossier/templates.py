"""The Jinja2 environment of the dossier's views: every template autoescapes (HTML and SVG alike)."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["render"]

_TEMPLATES: dict[str, str] = {
    "offices.svg": """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{ width }} {{ height }}" width="{{ width }}" height="{{ height }}" font-family="sans-serif" font-size="13">
<defs><marker id="arrow-offices" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="12" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#000000"/></marker></defs>
{% for e in edges %}<path d="{{ e.path }}" fill="none" stroke="#000000" stroke-width="{{ e.width }}" marker-end="url(#arrow-offices)"><title>{{ e.title }}</title></path>
<text x="{{ e.lx }}" y="{{ e.ly }}" text-anchor="middle" fill="#000000">{{ e.label }}</text>
{% endfor %}{% for n in nodes %}<g><title>{{ n.title }}</title><rect x="{{ n.x - n.w / 2 }}" y="{{ n.y - 22 }}" width="{{ n.w }}" height="44" rx="8" fill="{{ n.fill }}" stroke="#000000"/>
<text x="{{ n.x }}" y="{{ n.y + 5 }}" text-anchor="middle" fill="#000000">{{ n.label }}</text></g>
{% endfor %}</svg>""",
    "timeline.svg": """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{ width }} {{ height }}" width="{{ width }}" height="{{ height }}" font-family="sans-serif" font-size="12">
{% for lane in lanes %}<text x="8" y="{{ lane.y + 4 }}" fill="#000000">{{ lane.label }}</text><line x1="{{ left }}" x2="{{ width - 20 }}" y1="{{ lane.y }}" y2="{{ lane.y }}" stroke="#000000" stroke-opacity="0.2"/>
{% endfor %}{% for t in ticks %}<line x1="{{ t.x }}" x2="{{ t.x }}" y1="{{ top - 10 }}" y2="{{ axis_y }}" stroke="#000000" stroke-opacity="0.15"/><text x="{{ t.x }}" y="{{ axis_y + 16 }}" text-anchor="middle" fill="#000000">{{ t.label }}</text>
{% endfor %}{% for e in edges %}<path d="{{ e.path }}" fill="none" stroke="{{ e.colour }}" stroke-width="2" stroke-dasharray="{{ e.dash }}"><title>{{ e.title }}</title></path>
{% endfor %}{% for n in nodes %}<g><title>{{ n.title }}</title><circle cx="{{ n.x }}" cy="{{ n.y }}" r="{{ 9 if n.focus else 6 }}" fill="{{ n.fill }}" stroke="#000000" stroke-width="{{ 3 if n.focus else 1 }}"{% if n.partial %} stroke-dasharray="2 2"{% endif %}/>
<text x="{{ n.x }}" y="{{ n.y + 20 if n.below else n.y - 12 }}" text-anchor="middle" fill="#000000"{% if n.focus %} font-weight="bold"{% endif %}>{{ n.short }}</text></g>
{% endfor %}{% for k in legend %}<line x1="{{ k.x }}" x2="{{ k.x + 30 }}" y1="{{ k.y }}" y2="{{ k.y }}" stroke="{{ k.colour }}" stroke-width="2" stroke-dasharray="{{ k.dash }}"/><text x="{{ k.x + 36 }}" y="{{ k.y + 4 }}" fill="#000000">{{ k.label }}</text>
{% endfor %}</svg>""",
    "reuse.html": """<div role="group" aria-label="{{ caption }}" style="max-width:100%">
<p style="margin:0.3em 0"><strong>{{ caption }}</strong>: left, {{ a_title }}; right, {{ b_title }}</p>
{% for r in rows %}<div style="display:flex;flex-wrap:wrap;gap:0.8em;border-top:1px solid #999;padding:0.3em 0;max-width:100%">
<div style="flex:1 1 18em;min-width:0;overflow-wrap:anywhere"><blockquote style="margin:0.2em 0">{{ r.a_quote }}</blockquote><small>{{ a_title }}, characters {{ r.a_start }}–{{ r.a_end }}</small></div>
<div style="flex:1 1 18em;min-width:0;overflow-wrap:anywhere"><blockquote style="margin:0.2em 0">{{ r.b_quote }}</blockquote><small>{{ b_title }}, characters {{ r.b_start }}–{{ r.b_end }}</small></div>
<div style="flex:0 1 12em;min-width:0;overflow-wrap:anywhere"><small>score {{ r.score }}; shared words: {{ r.shared | join(", ") }}</small></div></div>
{% else %}<p>{{ empty }}</p>{% endfor %}</div>""",
    "links.html": """<div>{% if heading %}<p><strong>{{ heading }}</strong> <em>(the edition's reading: interpretations, each argued from exact quotes)</em></p>{% endif %}
{% for l in links %}<section style="border-left:4px solid {{ l.colour }};padding:0.2em 0.8em;margin:0.6em 0">
<p style="margin:0.2em 0"><strong>{{ l.from_label }}</strong> <span style="border:1px solid {{ l.colour }};padding:0 0.3em">{{ l.verb }}</span> <strong>{{ l.to_label }}</strong></p>
<blockquote style="margin:0.3em 1em">“{{ l.from_quote }}” <small>({{ l.from_doc }}, characters {{ l.from_start }}–{{ l.from_end }})</small>{% if l.from_witness %}<br><small>{{ l.from_witness }}</small>{% endif %}</blockquote>
<blockquote style="margin:0.3em 1em">“{{ l.to_quote }}” <small>({{ l.to_doc }}, characters {{ l.to_start }}–{{ l.to_end }}{% if l.reference %}: the words that refer to {{ l.refers_to }}, whose text was not read{% endif %})</small>{% if l.to_witness %}<br><small>{{ l.to_witness }}</small>{% endif %}</blockquote>
<p style="margin:0.2em 0"><em>Why:</em> {{ l.rationale }}</p>{% if l.against %}<p style="margin:0.2em 0"><em>Against, or limits:</em> {{ l.against }}</p>{% endif %}{% if l.note %}<p style="margin:0.2em 0"><em>Note:</em> {{ l.note }}</p>{% endif %}
</section>{% else %}<p>{{ empty }}</p>{% endfor %}</div>""",
    "chain.html": """<div><p><strong>{{ heading }}</strong></p>{% if rows %}<ol>{% for r in rows %}<li style="margin-left:{{ (r.depth - 1) * 1.5 }}em">{{ r.source }} <strong>{{ r.verb }}</strong> {{ r.target }}{% if not r.bundled %} (not bundled: its text is not in the edition){% endif %} <small>[{{ r.reading }}]</small> — “{{ r.quote }}”{% if r.partial %} <small>(PARTIAL witness of {{ r.partial }}: only its opening was read)</small>{% endif %}</li>{% endfor %}</ol>{% else %}<p>{{ empty }}</p>{% endif %}</div>""",
}


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import DictLoader, Environment, StrictUndefined

    return Environment(loader=DictLoader(_TEMPLATES), autoescape=True, undefined=StrictUndefined, trim_blocks=False)


def render(name: str, **context) -> str:
    """Render one of the dossier's templates (autoescaped)."""
    return _environment().get_template(name).render(**context)
