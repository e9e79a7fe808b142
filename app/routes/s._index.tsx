import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

// The home page's "service point code" form lands here; the survey lives at /s/<code>.
export function loader({ request }: LoaderFunctionArgs) {
  const code = (new URL(request.url).searchParams.get('code') ?? '').trim().toUpperCase()
  return redirect(code ? `/s/${encodeURIComponent(code)}` : '/')
}
